import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pgliteOptions, postgresOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { openPglite } from '../../src/database/pglite';
import { adminQuery, adminUrl, TEMPLATE_ENV, withDatabase } from './test-database';

/** Some tests run the built scripts as real processes (test/support/node-process.ts): build them on a fresh clone. */
function ensureBuilt(apiDir: string): void {
  const root = resolve(apiDir, '../..');
  if (existsSync(join(root, 'apps/api/dist/main.js'))) return;
  console.log('\n[tests] apps/api/dist is missing: building libs/shared and apps/api');
  for (const workspace of ['@whatrack/shared', '@whatrack/api']) {
    const build = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build -w ${workspace} failed`);
  }
}

/** Migrates one template database; every test file then copies it (see createTestDatabase). */
export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  ensureBuilt(globalConfig.rootDir);
  const url = adminUrl();
  if (url) {
    const name = `whatrack_tpl_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const ds = new DataSource(postgresOptions(withDatabase(url, name), 1));
    await ds.initialize();
    await runMigrations(ds);
    await ds.destroy();
    process.env[TEMPLATE_ENV] = name;
    console.log(`\n[tests] PostgreSQL: template database ${name} migrated`);
    return;
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'whatrack-tpl-')), 'pglite');
  const pglite = await openPglite(dir);
  const ds = new DataSource(pgliteOptions(pglite));
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  await pglite.close();
  process.env[TEMPLATE_ENV] = dir;
  console.log(`\n[tests] embedded PGlite (DATABASE_URL unset): template ${dir} migrated`);
}
