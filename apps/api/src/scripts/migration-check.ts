import 'reflect-metadata';
import { runMigrations } from '../database/migrate';
import { openScratchDatabase, pendingSchemaChanges } from './script-database';

/** Fails when migrating an empty database does not produce exactly the schema the entities describe. */
async function main(): Promise<void> {
  const db = await openScratchDatabase();
  try {
    const applied = await runMigrations(db.dataSource);
    const { up } = await pendingSchemaChanges(db.dataSource);
    console.log(`migration check on ${db.label}: ${applied.length} migrations applied`);
    if (up.length > 0) {
      console.error('Entities and migrations disagree; `npm run migration:generate -- <Name>` would produce:');
      for (const q of up) console.error(`  ${q};`);
      process.exitCode = 1;
      return;
    }
    console.log('migration check: entities and migrations agree');
  } finally {
    await db.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
