import { Module } from '@nestjs/common';
import { QuickRepliesController } from './quick-replies.controller';
import { QuickRepliesRepository } from './quick-replies.repository';
import { QuickRepliesService } from './quick-replies.service';

@Module({
  controllers: [QuickRepliesController],
  providers: [QuickRepliesService, QuickRepliesRepository],
})
export class QuickRepliesModule {}
