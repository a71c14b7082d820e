import { Inject, Injectable } from '@nestjs/common';
import { BadGatewayError, UnprocessableError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** A message template as the API shows it (and the sender checks a template message against). */
export interface TemplateView {
  name: string;
  /** Meta's locale code, e.g. pt_BR. */
  language: string;
  category: string;
  status: string;
  /** The text of the BODY component, with its {{n}} placeholders. */
  body: string | null;
  /** How many distinct {{n}} placeholders the BODY has: the variables a template message must bring. */
  variables: number;
  /** The text of a TEXT HEADER component. */
  headerText: string | null;
}

/** Someone waits on the answer (the template picker, a reply being sent). */
const REQUEST_TIMEOUT_MS = 10_000;
/** 200 templates a page: five pages cover any real WABA without letting one listing run on. */
const MAX_PAGES = 5;
const FIELDS = 'name,language,status,category,components';

interface GraphComponent {
  type?: unknown;
  format?: unknown;
  text?: unknown;
}

interface GraphTemplate {
  name?: unknown;
  language?: unknown;
  status?: unknown;
  category?: unknown;
  components?: unknown;
}

interface GraphPage {
  data?: unknown;
  paging?: { next?: unknown };
  error?: { code?: number; error_subcode?: number; is_transient?: boolean };
}

/** Lists a WhatsApp Business Account's approved message templates from Meta's Graph API. */
@Injectable()
export class GraphTemplates {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metaGraphApiBaseUrl'>) {}

  /**
   * `GET {graph}/{wabaId}/message_templates`, following `paging.next` for a few pages: the APPROVED templates, by
   * name then language. BadGatewayError when the Graph API cannot answer (unreachable, timeout, 5xx, rate limit);
   * UnprocessableError (graph_api_refused, with Graph's error code) when it refuses, e.g. 190 for an expired token.
   * The token travels in the Authorization header only, never in a URL or a message.
   */
  async list(wabaId: string, token: string): Promise<TemplateView[]> {
    const templates: unknown[] = [];
    let url: string | null =
      `${this.config.metaGraphApiBaseUrl}/${encodeURIComponent(wabaId)}/message_templates?fields=${FIELDS}&limit=200`;
    for (let page = 0; url !== null && page < MAX_PAGES; page += 1) {
      const body = await this.page(url, token, wabaId);
      templates.push(...(body.data as unknown[]));
      url = this.nextPage(body.paging?.next);
    }
    return templates
      .map(toView)
      .filter((t): t is TemplateView => t !== null && t.status === 'APPROVED')
      .sort((a, b) => compare(a.name, b.name) || compare(a.language, b.language));
  }

  private async page(url: string, token: string, wabaId: string): Promise<GraphPage> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = error instanceof Error ? error.name : 'Error';
      throw new BadGatewayError(`The Graph API could not be reached to list the templates (${cause ?? reason})`);
    }
    const body = (await response.json().catch(() => null)) as GraphPage | null;
    if (response.status === 429 || response.status >= 500 || body?.error?.is_transient) {
      throw new BadGatewayError(`The Graph API answered ${response.status} while listing the templates; try again`);
    }
    if (!response.ok) {
      const code = body?.error?.code;
      const sub = body?.error?.error_subcode === undefined ? '' : `/${body.error.error_subcode}`;
      const hint = code === 190 ? ': the access token is invalid or expired, set a new accessToken' : '';
      throw new UnprocessableError(
        `The Graph API refused to list the templates of WABA ${wabaId} (Graph API error ${code ?? response.status}${sub})${hint}`,
        undefined,
        'graph_api_refused',
      );
    }
    if (!body || !Array.isArray(body.data)) {
      throw new BadGatewayError('The Graph API answered the template listing with an unexpected body');
    }
    return body;
  }

  /** Graph's next page, only on the configured Graph API's origin: the token must not go anywhere else. */
  private nextPage(next: unknown): string | null {
    if (typeof next !== 'string') return null;
    try {
      return new URL(next).origin === new URL(this.config.metaGraphApiBaseUrl).origin ? next : null;
    } catch {
      return null;
    }
  }
}

function toView(entry: unknown): TemplateView | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const template = entry as GraphTemplate;
  const { name, language, status, category } = template;
  if (typeof name !== 'string' || typeof language !== 'string' || typeof status !== 'string') return null;
  const components = (Array.isArray(template.components) ? (template.components as unknown[]) : []).filter(
    (c): c is GraphComponent => typeof c === 'object' && c !== null,
  );
  const body = textOf(components.find((c) => c.type === 'BODY'));
  const header = components.find((c) => c.type === 'HEADER' && c.format === 'TEXT');
  return {
    name,
    language,
    category: typeof category === 'string' ? category : '',
    status,
    body,
    variables: body === null ? 0 : new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1]))).size,
    headerText: textOf(header),
  };
}

function textOf(component: GraphComponent | undefined): string | null {
  return typeof component?.text === 'string' ? component.text : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
