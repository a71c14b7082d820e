import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { adminQuery, adminUrl, TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  if (adminUrl()) await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  else rmSync(dirname(template), { recursive: true, force: true });
}
