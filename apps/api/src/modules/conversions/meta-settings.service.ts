import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { type ErrorDetail, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { Db } from '../../database/db';
import { TicketStagesRepository } from '../stages/ticket-stages.repository';
import type { MetaSettingsResponseDto, UpdateMetaSettingsDto } from './dto/meta-settings.dto';
import { MetaSettingsRepository, type MetaSettingsRow, type MetaSettingsValues } from './meta-settings.repository';

/** Per-organization Meta Conversions API settings; the access token is write-only and stored encrypted. */
@Injectable()
export class MetaSettingsService {
  constructor(
    private readonly db: Db,
    private readonly stages: TicketStagesRepository,
    private readonly settings: MetaSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: TokenCipher,
  ) {}

  async get(auth: AuthContext): Promise<MetaSettingsResponseDto> {
    return this.toDto(await this.settings.find(this.db, { organizationId: auth.organizationId }));
  }

  async update(auth: AuthContext, dto: UpdateMetaSettingsDto): Promise<MetaSettingsResponseDto> {
    const org = auth.organizationId;
    const graphApiBaseUrl = dto.graphApiBaseUrl ? dto.graphApiBaseUrl.replace(/\/+$/, '') : null;
    if (graphApiBaseUrl) this.assertAllowedBaseUrl(graphApiBaseUrl);
    const saved = await this.db.transaction(async (tx) => {
      if (dto.stageRule) {
        const stage = await this.stages.findById(tx, { organizationId: org, id: dto.stageRule.stageId });
        if (!stage) throw NotFoundError.of('Stage', dto.stageRule.stageId);
      }
      const current = await this.settings.lock(tx, { organizationId: org });
      const values: MetaSettingsValues = {
        enabled: dto.enabled,
        datasetId: dto.datasetId ?? null,
        whatsappBusinessAccountId: dto.whatsappBusinessAccountId ?? null,
        graphApiBaseUrl,
        accessTokenEncrypted:
          dto.accessToken === undefined
            ? (current?.accessTokenEncrypted ?? null)
            : dto.accessToken === null
              ? null
              : this.cipher.encrypt(dto.accessToken),
        stageEventStageId: dto.stageRule?.stageId ?? null,
        stageEventName: dto.stageRule?.eventName ?? null,
      };
      if (values.enabled) assertComplete(values);
      return current
        ? this.settings.update(tx, { organizationId: org, values })
        : this.settings.insert(tx, { organizationId: org, values });
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

  private toDto(settings: MetaSettingsRow | null): MetaSettingsResponseDto {
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

function assertComplete(settings: MetaSettingsValues): void {
  const details: ErrorDetail[] = [];
  const need = (field: string, present: boolean) => {
    if (!present) details.push({ field, message: `${field} is required to enable the Meta Conversions API` });
  };
  need('datasetId', !!settings.datasetId);
  need('accessToken', !!settings.accessTokenEncrypted);
  need('whatsappBusinessAccountId', !!settings.whatsappBusinessAccountId);
  if (details.length > 0) throw new InvalidInputError(details.map((d) => d.message).join('; '), details);
}
