import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '../../users/dto/create-user.dto';

const NEW_PASSWORD_MESSAGE = `must have at least ${PASSWORD_MIN_LENGTH} characters`;

export class ChangePasswordDto {
  @ApiProperty({ example: 'senha-forte-123' })
  @IsString({ message: 'currentPassword must be a string' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ example: 'outra-senha-456', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'newPassword must be a string' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword ${NEW_PASSWORD_MESSAGE}` })
  @MaxLength(200)
  newPassword: string;
}

export class ChangePasswordResponseDto {
  @ApiProperty({ description: 'A new JWT for this session: every token issued before the change stops working' })
  accessToken: string;
}

export class CreatePasswordResetDto {
  @ApiProperty({ format: 'uuid', description: 'The member who gets the link' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class PasswordResetLinkDto {
  @ApiProperty({
    example: 'https://app.example.com/redefinir-senha?token=…',
    description: 'One-time link (shown only now): PUBLIC_URL/redefinir-senha?token=…',
  })
  url: string;

  @ApiProperty()
  expiresAt: Date;

  @ApiProperty({ description: 'Whether the link was e-mailed to the member (only when SMTP is configured)' })
  emailed: boolean;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token of the link' })
  @IsString({ message: 'token must be a string' })
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'outra-senha-456', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password ${NEW_PASSWORD_MESSAGE}` })
  @MaxLength(200)
  password: string;
}
