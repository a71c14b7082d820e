import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Public } from '../../common/auth/public.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { OrganizationResponseDto } from '../organizations/dto/organization-response.dto';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { AuthService, type Session } from './auth.service';
import { AuthResponseDto, MeResponseDto } from './dto/auth-response.dto';
import { SignInRateLimit } from '../../common/http/rate-limits';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';

function toResponse(session: Session): AuthResponseDto {
  return {
    accessToken: session.accessToken,
    user: UserResponseDto.from(session.user),
    organization: OrganizationResponseDto.from(session.organization),
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @SignInRateLimit()
  @ApiOperation({ operationId: 'register', summary: 'Sign up: create an organization and its owner' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiConflictResponse({
    description: 'The e-mail address belongs to an account (code email_unavailable)',
    type: ErrorResponseDto,
  })
  async register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return toResponse(await this.auth.register(dto));
  }

  @Public()
  @Post('login')
  @SignInRateLimit()
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ description: 'Invalid email or password', type: ErrorResponseDto })
  async login(@Body() dto: LoginDto): Promise<AuthResponseDto> {
    return toResponse(await this.auth.login(dto));
  }

  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'The caller: user (or API key) and organization' })
  @ApiOkResponse({ type: MeResponseDto })
  async me(@Auth() auth: AuthContext): Promise<MeResponseDto> {
    const { user, organization } = await this.auth.me(auth);
    return {
      principal: auth.principal,
      user: user ? UserResponseDto.from(user) : null,
      organization: OrganizationResponseDto.from(organization),
    };
  }
}
