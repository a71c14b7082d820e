import { ApiProperty } from '@nestjs/swagger';
import { OrganizationResponseDto } from '../../organizations/dto/organization-response.dto';
import { UserResponseDto } from '../../users/dto/user-response.dto';

export class AuthResponseDto {
  @ApiProperty({ description: 'JWT to send as "Authorization: Bearer <accessToken>"' })
  accessToken: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;

  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;
}

export class MeResponseDto {
  @ApiProperty({ enum: ['user', 'api_key'], description: 'How the caller authenticated' })
  principal: 'user' | 'api_key';

  @ApiProperty({ type: UserResponseDto, nullable: true, description: 'The signed-in user; null for API keys' })
  user: UserResponseDto | null;

  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;
}
