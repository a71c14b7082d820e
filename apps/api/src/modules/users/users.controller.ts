import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserListResponseDto, UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiOperation({ operationId: 'createUser', summary: 'Add an agent or admin to the organization' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({
    description: 'The e-mail address belongs to an account (code email_unavailable)',
    type: ErrorResponseDto,
  })
  async create(@Auth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.create(auth, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: "The organization's users (for assignment)" })
  @ApiOkResponse({ type: UserListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<UserListResponseDto> {
    const users = await this.users.list(auth);
    return { items: users.map((u) => UserResponseDto.from(u)) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getUser', summary: 'One user of the organization' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.get(auth, id));
  }

  @Patch(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiOperation({
    operationId: 'updateUser',
    summary: "Change a member's role or deactivate/reactivate them",
    description:
      'Owners and admins change agents and admins; only owners grant or revoke `owner` or change an owner. ' +
      'Deactivating takes effect at once: the member cannot sign in, their tokens are refused at the next request ' +
      '(401 user_deactivated) and the API keys they created too (401 api_key_creator_deactivated) until they are ' +
      'reactivated.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiForbiddenResponse({
    description: 'Changing an owner needs an owner (code owner_required)',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({
    description: 'The last active owner (code last_owner), or yourself deactivated (code cannot_deactivate_self)',
    type: ErrorResponseDto,
  })
  async update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.update(auth, id, dto));
  }
}
