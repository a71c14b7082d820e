import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  config.webDistDir ??= resolve(__dirname, '../../web/dist');
  const app = await createApp(config);
  await app.listen(config.port);
  new Logger('Bootstrap').log(`Listening on http://localhost:${config.port} (API docs at /docs)`);
}

void bootstrap();
