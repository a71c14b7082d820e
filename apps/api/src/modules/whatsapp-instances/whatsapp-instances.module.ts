import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { CloudClaims } from './cloud-claims';
import { EvolutionCredentials } from './evolution-credentials';
import { GraphPhoneNumbers } from './graph-phone-numbers';
import { GraphTemplates } from './graph-templates';
import { WhatsappInstancePresenter } from './whatsapp-instance.presenter';
import { WhatsappInstancesController } from './whatsapp-instances.controller';
import { WhatsappInstancesRepository } from './whatsapp-instances.repository';
import { WhatsappInstancesService } from './whatsapp-instances.service';
import { WhatsappTemplates } from './whatsapp-templates';

@Module({
  imports: [CryptoModule],
  controllers: [WhatsappInstancesController],
  providers: [
    WhatsappInstancesService,
    WhatsappInstancesRepository,
    WhatsappInstancePresenter,
    CloudClaims,
    EvolutionCredentials,
    GraphPhoneNumbers,
    GraphTemplates,
    WhatsappTemplates,
  ],
  exports: [WhatsappInstancesService, WhatsappInstancesRepository, WhatsappInstancePresenter, WhatsappTemplates],
})
export class WhatsappInstancesModule {}
