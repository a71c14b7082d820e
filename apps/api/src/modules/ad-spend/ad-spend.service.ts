import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { IdentifierCatalog } from '../tracking/identifier-catalog';
import { type AdSpendInput, csvToRows, decodeUpload, validateAdSpendRows } from './ad-spend-rows';
import type { AdSpendQueryDto } from './dto/ad-spend-query.dto';
import type { AdSpendItemDto, AdSpendListResponseDto } from './dto/ad-spend-response.dto';
import type { ImportAdSpendResultDto } from './dto/import-ad-spend.dto';
import { AdSpend } from './entities/ad-spend.entity';
import { SqlParams } from '../../common/sql/sql-params';

const UPSERT_CHUNK = 1000;
const BODY_KEYS = ['rows'];

interface SpendRow {
  id: string;
  date: string;
  platform: string;
  platform_name: string;
  campaign: string;
  spend: string;
  created_at: Date;
  updated_at: Date;
}

/** Daily spend per platform and campaign, imported from JSON or CSV; one row per (date, platform, campaign). */
@Injectable()
export class AdSpendService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: IdentifierCatalog,
  ) {}

  /** JSON body {rows: [...]}, validated row by row so problems are named like the CSV ones. */
  async importJson(auth: AuthContext, body: unknown): Promise<ImportAdSpendResultDto> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw InvalidInputError.field(
        'rows',
        'send {"rows": [...]} as JSON, or a CSV file in the multipart field "file"',
      );
    }
    const unknown = Object.keys(body).filter((k) => !BODY_KEYS.includes(k));
    if (unknown.length > 0) {
      throw new InvalidInputError(
        unknown.map((k) => `property ${k} should not exist`).join('; '),
        unknown.map((k) => ({ field: k, message: `property ${k} should not exist` })),
      );
    }
    const { rows } = body as { rows?: unknown };
    if (!Array.isArray(rows)) {
      throw InvalidInputError.field('rows', 'rows must be an array of {date, platform, campaign, spend}');
    }
    return this.upsert(auth, validateAdSpendRows(rows, await this.platformIds(), false));
  }

  /** A CSV file with the columns date, platform, campaign, spend (any order; comma, semicolon or tab separated). */
  async importCsv(auth: AuthContext, file: Buffer): Promise<ImportAdSpendResultDto> {
    const rows = csvToRows(decodeUpload(file));
    return this.upsert(auth, validateAdSpendRows(rows, await this.platformIds(), true));
  }

  async list(auth: AuthContext, query: AdSpendQueryDto): Promise<AdSpendListResponseDto> {
    const params = new SqlParams();
    const conditions = [`a.organization_id = ${params.add(auth.organizationId)}`];
    if (query.dateFrom) conditions.push(`a.date >= ${params.add(query.dateFrom)}::date`);
    if (query.dateTo) conditions.push(`a.date <= ${params.add(query.dateTo)}::date`);
    if (query.platform !== undefined) {
      const platformId = (await this.platformIds()).get(query.platform.toLowerCase());
      if (!platformId) throw InvalidInputError.field('platform', await this.platformMessage());
      conditions.push(`a.ad_platform_id = ${params.add(platformId)}`);
    }
    if (query.campaign !== undefined) conditions.push(`a.campaign = ${params.add(query.campaign)}`);
    const where = conditions.join(' AND ');
    const [summary] = await this.dataSource.query<{ total: number; total_spend: string }[]>(
      `SELECT count(*)::int AS total, COALESCE(sum(a.spend), 0) AS total_spend FROM ad_spend a WHERE ${where}`,
      params.values,
    );
    const limit = params.add(query.pageSize);
    const offset = params.add(pageOffset(query));
    const rows = await this.dataSource.query<SpendRow[]>(
      `SELECT a.id, to_char(a.date, 'YYYY-MM-DD') AS date, p.key AS platform, p.name AS platform_name, a.campaign,
              a.spend, a.created_at, a.updated_at
       FROM ad_spend a JOIN ad_platforms p ON p.id = a.ad_platform_id
       WHERE ${where}
       ORDER BY a.date DESC, p.key ASC, a.campaign ASC, a.id ASC
       LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return {
      items: rows.map(toItem),
      total: summary.total,
      page: query.page,
      pageSize: query.pageSize,
      totalSpend: Number(summary.total_spend),
    };
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const result = await this.dataSource.manager.delete(AdSpend, { organizationId: auth.organizationId, id });
    if (!result.affected) throw NotFoundError.of('Ad spend row', id);
  }

  /** One transaction: the whole file is written or nothing is. Same (date, platform, campaign) replaces the spend. */
  private async upsert(auth: AuthContext, rows: AdSpendInput[]): Promise<ImportAdSpendResultDto> {
    let created = 0;
    await this.dataSource.transaction(async (m) => {
      for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
        const chunk = rows.slice(start, start + UPSERT_CHUNK);
        const result = await m.query<{ inserted: boolean }[]>(
          `INSERT INTO ad_spend (organization_id, date, ad_platform_id, campaign, spend)
           SELECT $1, x.date, x.platform_id, x.campaign, x.spend
           FROM unnest($2::date[], $3::uuid[], $4::varchar[], $5::numeric[]) AS x(date, platform_id, campaign, spend)
           ON CONFLICT (organization_id, date, ad_platform_id, campaign)
           DO UPDATE SET spend = EXCLUDED.spend, updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [
            auth.organizationId,
            chunk.map((r) => r.date),
            chunk.map((r) => r.platformId),
            chunk.map((r) => r.campaign),
            chunk.map((r) => r.spend),
          ],
        );
        created += result.filter((r) => r.inserted).length;
      }
    });
    return { received: rows.length, created, updated: rows.length - created };
  }

  private async platformIds(): Promise<Map<string, string>> {
    const catalog = await this.catalog.get();
    return new Map([...catalog.platformsByKey].map(([key, platform]) => [key, platform.id]));
  }

  private async platformMessage(): Promise<string> {
    return `platform must be one of ${[...(await this.platformIds()).keys()].join(', ')}`;
  }
}

function toItem(r: SpendRow): AdSpendItemDto {
  return {
    id: r.id,
    date: r.date,
    platform: r.platform,
    platformName: r.platform_name,
    campaign: r.campaign,
    spend: Number(r.spend),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
