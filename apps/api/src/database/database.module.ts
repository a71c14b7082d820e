import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from './create-data-source';
import { DatabaseLockedError } from './data-dir-lock';
import { Db } from './db';
import { EventListenerFactory } from './event-listener';

/** The data source, and the Db every repository call is given (the pool's; Db.transaction gives a transaction's). */
@Global()
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
      providers: [
        {
          provide: Db,
          useFactory: (dataSource: DataSource) => new Db(dataSource.manager),
          inject: [getDataSourceToken()],
        },
        EventListenerFactory,
      ],
      exports: [Db, EventListenerFactory],
    };
  }
}
