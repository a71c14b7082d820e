import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { TrimLower } from '../../../common/validation/trim.transform';

export class LoginDto {
  @ApiProperty({ example: 'maria@lojadamaria.com.br' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ example: 'senha-forte-123' })
  @IsString({ message: 'password must be a string' })
  @MaxLength(200)
  password: string;
}
