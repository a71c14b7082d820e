import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { IdentifierCatalog } from '../tracking/identifier-catalog';
import { type AdSpendInput, csvToRows, decodeUpload, validateAdSpendRows } from './ad-spend-rows';
import type { AdSpendQueryDto } from './dto/ad-spend-query.dto';
import type { AdSpendListResponseDto } from './dto/ad-spend-response.dto';
import type { ImportAdSpendResultDto } from './dto/import-ad-spend.dto';
import { Db } from '../../database/db';
import { type AdSpendFilter, AdSpendRepository } from './ad-spend.repository';

const UPSERT_CHUNK = 1000;
const BODY_KEYS = ['rows'];

/** Daily spend per platform and campaign, imported from JSON or CSV; one row per (date, platform, campaign). */
@Injectable()
export class AdSpendService {
  constructor(
    private readonly db: Db,
    private readonly spend: AdSpendRepository,
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
    const filter: AdSpendFilter = {
      organizationId: auth.organizationId,
      dateFrom: query.dateFrom,
      dateTo: query.dateTo,
    };
    if (query.platform !== undefined) {
      const platformId = (await this.platformIds()).get(query.platform.toLowerCase());
      if (!platformId) throw InvalidInputError.field('platform', await this.platformMessage());
      filter.platformId = platformId;
    }
    if (query.campaign !== undefined) filter.campaign = query.campaign;
    const summary = await this.spend.summary(this.db, filter);
    const rows = await this.spend.page(this.db, filter, { limit: query.pageSize, offset: pageOffset(query) });
    return {
      items: rows,
      total: summary.total,
      page: query.page,
      pageSize: query.pageSize,
      totalSpend: summary.totalSpend,
    };
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.spend.delete(this.db, { organizationId: auth.organizationId, id }))) {
      throw NotFoundError.of('Ad spend row', id);
    }
  }

  /** One transaction: the whole file is written or nothing is. Same (date, platform, campaign) replaces the spend. */
  private async upsert(auth: AuthContext, rows: AdSpendInput[]): Promise<ImportAdSpendResultDto> {
    let created = 0;
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
        const chunk = rows.slice(start, start + UPSERT_CHUNK);
        created += await this.spend.upsert(tx, { organizationId: auth.organizationId }, chunk);
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
