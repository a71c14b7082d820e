import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { Mailer } from '../../common/mail/mailer';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { PasswordsService } from './passwords.service';
import { SessionTokens } from './session-tokens';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresIn as `${number}h` },
      }),
    }),
    UsersModule,
    OrganizationsModule,
    StagesModule,
    ApiKeysModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordsService,
    SessionTokens,
    Mailer,
    JwtStrategy,
    ApiKeyStrategy,
    LoginAttemptsRepository,
    PasswordResetTokensRepository,
  ],
})
export class AuthModule {}
