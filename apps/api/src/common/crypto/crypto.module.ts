import { Module } from '@nestjs/common';
import { TokenCipher } from './token-cipher';

/** Encryption of stored credentials (Meta Conversions API and WhatsApp Cloud API access tokens). */
@Module({
  providers: [TokenCipher],
  exports: [TokenCipher],
})
export class CryptoModule {}
