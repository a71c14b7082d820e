import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OrgReadCache } from './org-read-cache';
import { ReadCacheInvalidator } from './read-cache-invalidator';

@Global()
@Module({
  providers: [OrgReadCache, { provide: APP_INTERCEPTOR, useClass: ReadCacheInvalidator }],
  exports: [OrgReadCache],
})
export class ReadCacheModule {}
