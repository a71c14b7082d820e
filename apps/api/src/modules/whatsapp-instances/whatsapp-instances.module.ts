import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { CloudClaims } from './cloud-claims';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';
import { GraphPhoneNumbers } from './graph-phone-numbers';
import { WhatsappInstancePresenter } from './whatsapp-instance.presenter';
import { WhatsappInstancesController } from './whatsapp-instances.controller';
import { WhatsappInstancesService } from './whatsapp-instances.service';

@Module({
  imports: [TypeOrmModule.forFeature([WhatsappInstance]), CryptoModule],
  controllers: [WhatsappInstancesController],
  providers: [WhatsappInstancesService, WhatsappInstancePresenter, CloudClaims, GraphPhoneNumbers],
  exports: [TypeOrmModule, WhatsappInstancesService, WhatsappInstancePresenter],
})
export class WhatsappInstancesModule {}
