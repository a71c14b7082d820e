import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { configureApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { createOpenApiDocument } from '../swagger';

export const OPENAPI_FILE = resolve(__dirname, '../../openapi.json');

/** Recursively sorts object keys (arrays keep their order) so the committed file is stable. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Boots the app in preview mode (no database, no listening) and writes the OpenAPI document. */
async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    JWT_SECRET: 'x'.repeat(32),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  configureApp(app, config);
  await app.init();
  const doc = createOpenApiDocument(app);
  writeFileSync(OPENAPI_FILE, JSON.stringify(sortKeys(doc), null, 2) + '\n');
  await app.close();
  console.log(`Wrote ${OPENAPI_FILE} (${Object.keys(doc.paths).length} paths)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
