import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { type ErrorDetail, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import type { MetaSettingsResponseDto, UpdateMetaSettingsDto } from './dto/meta-settings.dto';
import { MetaSettings } from './entities/meta-settings.entity';
import { TokenCipher } from '../../common/crypto/token-cipher';

/** Per-organization Meta Conversions API settings; the access token is write-only and stored encrypted. */
@Injectable()
export class MetaSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: TokenCipher,
  ) {}

  async get(auth: AuthContext): Promise<MetaSettingsResponseDto> {
    const settings = await this.dataSource.manager.findOneBy(MetaSettings, { organizationId: auth.organizationId });
    return this.toDto(settings);
  }

  async update(auth: AuthContext, dto: UpdateMetaSettingsDto): Promise<MetaSettingsResponseDto> {
    const org = auth.organizationId;
    const graphApiBaseUrl = dto.graphApiBaseUrl ? dto.graphApiBaseUrl.replace(/\/+$/, '') : null;
    if (graphApiBaseUrl) this.assertAllowedBaseUrl(graphApiBaseUrl);
    const saved = await this.dataSource.transaction(async (m) => {
      if (dto.stageRule) {
        const stage = await m.findOneBy(TicketStage, { organizationId: org, id: dto.stageRule.stageId });
        if (!stage) throw NotFoundError.of('Stage', dto.stageRule.stageId);
      }
      const settings =
        (await m.findOne(MetaSettings, { where: { organizationId: org }, lock: { mode: 'pessimistic_write' } })) ??
        m.create(MetaSettings, { organizationId: org });
      settings.enabled = dto.enabled;
      settings.datasetId = dto.datasetId ?? null;
      settings.whatsappBusinessAccountId = dto.whatsappBusinessAccountId ?? null;
      settings.graphApiBaseUrl = graphApiBaseUrl;
      if (dto.accessToken !== undefined) {
        settings.accessTokenEncrypted = dto.accessToken === null ? null : this.cipher.encrypt(dto.accessToken);
      }
      settings.stageEventStageId = dto.stageRule?.stageId ?? null;
      settings.stageEventName = dto.stageRule?.eventName ?? null;
      if (settings.enabled) assertComplete(settings);
      return m.save(MetaSettings, settings);
    });
    return this.toDto(saved);
  }

  /** Outside production any http(s) URL (local fakes); in production only https on the default Graph API host. */
  private assertAllowedBaseUrl(url: string): void {
    if (this.config.nodeEnv !== 'production') return;
    const allowedHost = new URL(this.config.metaGraphApiBaseUrl).host;
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.host !== allowedHost) {
      throw InvalidInputError.field('graphApiBaseUrl', `graphApiBaseUrl must be an https URL on ${allowedHost}`);
    }
  }

  private toDto(settings: MetaSettings | null): MetaSettingsResponseDto {
    return {
      enabled: settings?.enabled ?? false,
      datasetId: settings?.datasetId ?? null,
      whatsappBusinessAccountId: settings?.whatsappBusinessAccountId ?? null,
      graphApiBaseUrl: settings?.graphApiBaseUrl ?? this.config.metaGraphApiBaseUrl,
      hasAccessToken: !!settings?.accessTokenEncrypted,
      stageRule:
        settings?.stageEventStageId && settings.stageEventName
          ? { stageId: settings.stageEventStageId, eventName: settings.stageEventName }
          : null,
    };
  }
}

function assertComplete(settings: MetaSettings): void {
  const details: ErrorDetail[] = [];
  const need = (field: string, present: boolean) => {
    if (!present) details.push({ field, message: `${field} is required to enable the Meta Conversions API` });
  };
  need('datasetId', !!settings.datasetId);
  need('accessToken', !!settings.accessTokenEncrypted);
  need('whatsappBusinessAccountId', !!settings.whatsappBusinessAccountId);
  if (details.length > 0) throw new InvalidInputError(details.map((d) => d.message).join('; '), details);
}
