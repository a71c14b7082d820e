import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { UsersModule } from '../users/users.module';
import { EventBus } from './event-bus';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Realtime events (GET /events) and the bus that also keeps every instance's read cache fresh. */
@Module({
  imports: [UsersModule, ApiKeysModule],
  controllers: [EventsController],
  providers: [EventBus, EventsService],
  exports: [EventBus],
})
export class EventsModule {}
