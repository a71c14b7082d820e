import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ConversionsController } from './conversions.controller';
import { ConversionsService } from './conversions.service';
import { ConversionsWorker } from './conversions.worker';
import { Conversion } from './entities/conversion.entity';
import { MetaSettings } from './entities/meta-settings.entity';
import { MetaSettingsService } from './meta-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conversion, MetaSettings]), OrganizationsModule, CryptoModule],
  controllers: [ConversionsController],
  providers: [ConversionsService, MetaSettingsService, ConversionsWorker],
  exports: [TypeOrmModule, ConversionsWorker],
})
export class ConversionsModule {}
