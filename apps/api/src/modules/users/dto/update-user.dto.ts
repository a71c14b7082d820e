import { ApiPropertyOptional } from '@nestjs/swagger';
import { UserRole } from '@whatrack/shared';
import { IsBoolean, IsEnum } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';

/**
 * A member's role and whether they can work. Owners and admins change agents and admins; only owners grant or
 * revoke `owner` or change or deactivate an owner. Nobody deactivates themselves, and the organization always keeps
 * one active owner.
 */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: UserRole, enumName: 'UserRole' })
  @OptionalNotNull()
  @IsEnum(UserRole, { message: 'role must be owner, admin or agent' })
  role?: UserRole;

  @ApiPropertyOptional({
    description: 'false deactivates: sign-in, their open sessions and the API keys they created are refused at once',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
