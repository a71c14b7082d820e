import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/create-data-source';

/** `npm run db:migrate`: applies pending migrations (under the advisory lock) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config, new Logger('Migrate'), { runMigrations: true });
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
