import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNABLE_ROLES, UserRole, type AssignableRole } from '@whatrack/shared';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { Trim, TrimLower } from '../../../common/validation/trim.transform';

export const PASSWORD_MIN_LENGTH = 8;

export class CreateUserDto {
  @ApiProperty({ example: 'Ana Souza' })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 120, { message: 'name must have between 1 and 120 characters' })
  name: string;

  @ApiProperty({ example: 'ana@lojadamaria.com.br' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'senha-forte-123', minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must have at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES, default: UserRole.AGENT })
  @IsOptional()
  @IsIn(ASSIGNABLE_ROLES, { message: 'role must be admin or agent' })
  role?: AssignableRole;
}
