import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';

@Module({ imports: [TypeOrmModule.forFeature([WhatsappInstance])], exports: [TypeOrmModule] })
export class WhatsappInstancesModule {}
