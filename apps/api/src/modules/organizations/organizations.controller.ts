import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { OrganizationResponseDto } from './dto/organization-response.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('current')
  @ApiOperation({ operationId: 'getCurrentOrganization', summary: "The caller's organization" })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async getCurrent(@Auth() auth: AuthContext): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.organizations.getCurrent(auth));
  }

  @Patch('current')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'updateCurrentOrganization',
    summary: 'Rename the organization or change its time zone or currency',
  })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async update(@Auth() auth: AuthContext, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.organizations.update(auth, dto));
  }
}
