import { ApiProperty } from '@nestjs/swagger';
import { UserRole } from '@whatrack/shared';
import type { UserRow } from '../users.repository';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Ana Souza' })
  name: string;

  @ApiProperty({ example: 'ana@lojadamaria.com.br' })
  email: string;

  @ApiProperty({ enum: UserRole, enumName: 'UserRole', example: UserRole.AGENT })
  role: UserRole;

  @ApiProperty({ description: 'false: deactivated (cannot sign in; never offered as an assignee)' })
  active: boolean;

  @ApiProperty()
  createdAt: Date;

  static from(user: UserRow): UserResponseDto {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      active: user.active,
      createdAt: user.createdAt,
    };
  }
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserResponseDto] })
  items: UserResponseDto[];
}
