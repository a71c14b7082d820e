import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from './app-config';

/** Global: the validated configuration and the clock. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock],
      exports: [APP_CONFIG, Clock],
    };
  }
}
