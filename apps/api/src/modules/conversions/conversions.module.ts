import { Module } from '@nestjs/common';
import { StagesModule } from '../stages/stages.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ConversionsController } from './conversions.controller';
import { ConversionsRepository } from './conversions.repository';
import { ConversionsService } from './conversions.service';
import { ConversionsWorker } from './conversions.worker';
import { MetaSettingsRepository } from './meta-settings.repository';
import { MetaSettingsService } from './meta-settings.service';

@Module({
  imports: [OrganizationsModule, CryptoModule, StagesModule],
  controllers: [ConversionsController],
  providers: [
    ConversionsService,
    MetaSettingsService,
    ConversionsWorker,
    ConversionsRepository,
    MetaSettingsRepository,
  ],
  exports: [ConversionsWorker, ConversionsRepository, MetaSettingsRepository],
})
export class ConversionsModule {}
