import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { Trim, TrimLower } from '../../../common/validation/trim.transform';
import { PASSWORD_MIN_LENGTH } from '../../users/dto/create-user.dto';

export class RegisterDto {
  @ApiProperty({ example: 'Loja da Maria' })
  @Trim()
  @IsString({ message: 'organizationName must be a string' })
  @Length(1, 120, { message: 'organizationName must have between 1 and 120 characters' })
  organizationName: string;

  @ApiProperty({ example: 'Maria Oliveira' })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 120, { message: 'name must have between 1 and 120 characters' })
  name: string;

  @ApiProperty({ example: 'maria@lojadamaria.com.br' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'senha-forte-123', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must have at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(200)
  password: string;
}
