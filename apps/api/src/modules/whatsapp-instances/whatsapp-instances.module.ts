import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';
import { WhatsappInstancePresenter } from './whatsapp-instance.presenter';
import { WhatsappInstancesController } from './whatsapp-instances.controller';
import { WhatsappInstancesService } from './whatsapp-instances.service';

@Module({
  imports: [TypeOrmModule.forFeature([WhatsappInstance])],
  controllers: [WhatsappInstancesController],
  providers: [WhatsappInstancesService, WhatsappInstancePresenter],
  exports: [TypeOrmModule, WhatsappInstancesService, WhatsappInstancePresenter],
})
export class WhatsappInstancesModule {}
