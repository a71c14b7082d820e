import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateUserDto } from './dto/create-user.dto';
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
}
