import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from './create-data-source';
import { DatabaseLockedError } from './data-dir-lock';

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Retrying cannot help while another process holds the embedded database: fail at once.
          useFactory: () => ({ toRetry: (error: unknown) => !(error instanceof DatabaseLockedError) }),
          dataSourceFactory: async () => {
            const logger = new Logger('Database');
            const dataSource = await createDataSource(config, logger);
            return dataSource;
          },
        }),
      ],
    };
  }
}
