import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
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
import {
  ChangePasswordDto,
  ChangePasswordResponseDto,
  ConfirmPasswordResetDto,
  CreatePasswordResetDto,
  PasswordResetLinkDto,
} from './dto/password.dto';
import { PasswordsService } from './passwords.service';
import { Roles } from '../../common/auth/roles.decorator';
import { UserRole } from '@whatrack/shared';

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
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordsService,
  ) {}

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

  @Post('password')
  @SignInRateLimit()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changePassword',
    summary: 'Change your own password (current + new)',
    description:
      'Answers a new token for this session; every other session of the user ends (401 session_revoked). Counts on the sign-in rate limit.',
  })
  @ApiOkResponse({ type: ChangePasswordResponseDto })
  @ApiBadRequestResponse({ description: 'Wrong current password (code wrong_password)', type: ErrorResponseDto })
  @ApiForbiddenResponse({ description: 'API keys have no password (code user_required)', type: ErrorResponseDto })
  changePassword(@Auth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<ChangePasswordResponseDto> {
    return this.passwords.change(auth, dto);
  }

  @Post('password-reset')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiOperation({
    operationId: 'createPasswordResetLink',
    summary: "Generate a one-time link that sets a member's password",
    description:
      'The link (PUBLIC_URL/redefinir-senha?token=…) works once, for 1 hour; earlier links of the member stop ' +
      'working. It is e-mailed to the member when SMTP is configured (`emailed`). Only owners generate one for an owner.',
  })
  @ApiCreatedResponse({ type: PasswordResetLinkDto })
  @ApiForbiddenResponse({ description: 'The member is an owner (code owner_required)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  createPasswordResetLink(
    @Auth() auth: AuthContext,
    @Body() dto: CreatePasswordResetDto,
  ): Promise<PasswordResetLinkDto> {
    return this.passwords.createResetLink(auth, dto.userId);
  }

  @Public()
  @Post('password-reset/confirm')
  @SignInRateLimit()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'confirmPasswordReset',
    summary: "Set a new password with a reset link's token (once)",
    description: 'Every session the user had ends; they sign in with the new password.',
  })
  @ApiNoContentResponse({ description: 'The password was set' })
  @ApiBadRequestResponse({
    description:
      'The token is unknown, used or expired (code reset_token_invalid, reset_token_used, reset_token_expired)',
    type: ErrorResponseDto,
  })
  async confirmPasswordReset(@Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.passwords.confirmReset(dto);
  }
}
