import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateWhatsappInstanceDto } from './dto/create-whatsapp-instance.dto';
import { UpdateWhatsappInstanceDto } from './dto/update-whatsapp-instance.dto';
import { WhatsappInstanceListResponseDto, WhatsappInstanceResponseDto } from './dto/whatsapp-instance-response.dto';
import { WhatsappSetupDto } from './dto/whatsapp-setup.dto';
import { WhatsappTemplateListResponseDto } from './dto/whatsapp-template-response.dto';
import { WhatsappInstancePresenter } from './whatsapp-instance.presenter';
import { WhatsappInstancesService } from './whatsapp-instances.service';
import { WhatsappTemplates } from './whatsapp-templates';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';

@ApiTags('whatsapp-instances')
@Controller('whatsapp-instances')
export class WhatsappInstancesController {
  constructor(
    private readonly instances: WhatsappInstancesService,
    private readonly presenter: WhatsappInstancePresenter,
    private readonly templates: WhatsappTemplates,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listWhatsappInstances', summary: "The organization's WhatsApp lines, oldest first" })
  @ApiOkResponse({ type: WhatsappInstanceListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<WhatsappInstanceListResponseDto> {
    const instances = await this.instances.list(auth);
    return { items: await this.presenter.presentAll(auth, instances) };
  }

  // Before ':id', which would read "setup" as an id.
  @Get('setup')
  @ApiOperation({
    operationId: 'getWhatsappSetup',
    summary:
      'Which server settings the WhatsApp webhooks need (PUBLIC_URL, verify token, app secret) and whether each is set',
  })
  @ApiOkResponse({ type: WhatsappSetupDto })
  setup(): WhatsappSetupDto {
    return this.presenter.setup();
  }

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'createWhatsappInstance',
    summary: 'Connect a WhatsApp line (Cloud API needs providerPhoneNumberId)',
    description:
      "A Cloud API providerPhoneNumberId may also be claimed by other organizations (the answer does not say): the instance receives the id's webhooks while it is the only claim, or once it is verified by setting accessToken (PATCH). An Evolution instance may bring its server's apiUrl and apiKey (write-only) for sending.",
  })
  @ApiCreatedResponse({ type: WhatsappInstanceResponseDto })
  @ApiBadRequestResponse({
    description:
      'Invalid input, named by field; apiUrl when it is not a public http(s) address (loopback, private and link-local targets are refused unless the server sets ALLOW_PRIVATE_NETWORK_TARGETS), apiUrl/apiKey for a Cloud API instance',
    type: ErrorResponseDto,
  })
  @ApiConflictResponse({
    description: 'This organization already has a Cloud API instance with this providerPhoneNumberId',
    type: ErrorResponseDto,
  })
  async create(
    @Auth() auth: AuthContext,
    @Body() dto: CreateWhatsappInstanceDto,
  ): Promise<WhatsappInstanceResponseDto> {
    return this.presenter.present(auth, await this.instances.create(auth, dto));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getWhatsappInstance', summary: 'One WhatsApp instance' })
  @ApiOkResponse({ type: WhatsappInstanceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<WhatsappInstanceResponseDto> {
    return this.presenter.present(auth, await this.instances.get(auth, id));
  }

  @Patch(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'updateWhatsappInstance',
    summary:
      'Rename, change the number or the provider ids, set the Cloud API access token or the Evolution server credentials (the provider cannot change)',
    description:
      "Setting accessToken (Cloud API, write-only) verifies it with the Graph API for providerPhoneNumberId before anything is saved; the instance then shows verified: true and receives that id's webhooks. Evolution: apiUrl (checked to be a public address) and apiKey (write-only; hasApiKey says whether one is stored); a new apiUrl on an instance holding a key needs apiKey in the same request.",
  })
  @ApiOkResponse({ type: WhatsappInstanceResponseDto })
  @ApiBadRequestResponse({
    description:
      'Invalid input, named by field; accessToken (or providerPhoneNumberId, re-verified with the stored token) when the Graph API does not accept the token for the phone_number_id; apiUrl when it is not a public http(s) address; apiKey when apiUrl changes without it',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description:
      'This organization already has a Cloud API instance with this providerPhoneNumberId, or another organization has verified it',
    type: ErrorResponseDto,
  })
  @ApiBadGatewayResponse({
    description: 'The Graph API could not be asked (unreachable, timeout, error): nothing was saved, try again',
    type: ErrorResponseDto,
  })
  async update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateWhatsappInstanceDto,
  ): Promise<WhatsappInstanceResponseDto> {
    return this.presenter.present(auth, await this.instances.update(auth, id, dto));
  }

  @Get(':id/templates')
  @ApiOperation({
    operationId: 'listWhatsappInstanceTemplates',
    summary: "The approved message templates of a Cloud API instance's WhatsApp Business Account",
    description:
      'Read from the Graph API (GET {waba_id}/message_templates) with the stored access token, and reused for up to 5 minutes (a new accessToken or WABA id reads them again). Needs the instance to have accessToken and providerBusinessAccountId.',
  })
  @ApiOkResponse({ type: WhatsappTemplateListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description:
      'templates_not_supported: an Evolution instance; instance_credentials_missing: no access token or WABA id (or the stored token cannot be decrypted)',
    type: ErrorResponseDto,
  })
  @ApiUnprocessableEntityResponse({
    description:
      'graph_api_refused: the Graph API refused the request (its error code in the message, e.g. 190 for an expired token)',
    type: ErrorResponseDto,
  })
  @ApiBadGatewayResponse({
    description: 'The Graph API could not be asked (unreachable, timeout, 5xx): try again',
    type: ErrorResponseDto,
  })
  async listTemplates(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<WhatsappTemplateListResponseDto> {
    return { items: await this.templates.list(auth.organizationId, id) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({ operationId: 'deleteWhatsappInstance', summary: 'Delete an instance that has no conversations' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The instance has conversations', type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.instances.remove(auth, id);
  }
}
