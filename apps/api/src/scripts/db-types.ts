import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { runMigrations } from '../database/migrate';
import { openScratchDatabase } from './script-database';

/** Where the row types live (committed); every repository's statements are typed by them. */
const TARGET = resolve(__dirname, '../../src/database/generated/db.ts');
const CODEGEN = require.resolve('kysely-codegen/dist/cli/bin.js');

/**
 * Regenerates the row types from an empty database migrated by the committed migrations (`--check`: fails when the
 * committed file differs, as CI runs it). Needs a PostgreSQL server (DATABASE_URL): kysely-codegen connects over TCP.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await openScratchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'whatrack-db-types-'));
  try {
    await runMigrations(db.dataSource);
    const raw = join(dir, 'db.ts');
    execFileSync(
      process.execPath,
      [
        CODEGEN,
        ...['--dialect', 'postgres', '--url', db.url!, '--out-file', raw, '--log-level', 'error'],
        // node-postgres parses these once for every connection (data-source-options.ts): the types must say the same.
        ...['--numeric-parser', 'number', '--date-parser', 'string', '--type-mapping', '{"int8":"number"}'],
        ...['--exclude-pattern', 'public.typeorm_migrations'],
      ],
      { stdio: 'inherit' },
    );
    const generated = await format(readFileSync(raw, 'utf8'), {
      ...(await resolveConfig(TARGET)),
      filepath: TARGET,
    });
    const committed = readCommitted();
    if (check) {
      if (committed !== generated) {
        console.error(
          'src/database/generated/db.ts does not match the migrations: run `npm run db:types -w apps/api` and commit it.',
        );
        process.exitCode = 1;
      } else console.log('db types: the committed row types match the migrations');
      return;
    }
    writeFileSync(TARGET, generated);
    console.log(committed === generated ? 'db types: unchanged' : `db types: wrote ${TARGET}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.dispose();
  }
}

function readCommitted(): string | null {
  try {
    return readFileSync(TARGET, 'utf8');
  } catch {
    return null;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
