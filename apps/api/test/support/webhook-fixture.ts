import { metaSignature } from '../../src/modules/whatsapp/signature';
import { WebhookWorker } from '../../src/modules/whatsapp/webhook-worker';
import { registerAccount, type Account } from './fixtures';
import { createTestApp, type TestApp } from './test-app';
import { CLOUD_PHONE_NUMBER_ID } from './whatsapp-payloads';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'verify-me';

/**
 * An application that takes WhatsApp webhooks (signed with APP_SECRET, handshake token VERIFY_TOKEN) with its worker
 * off: tests process what they posted with drain(). Before each test, a new organization (`owner`) with a Cloud API
 * instance on CLOUD_PHONE_NUMBER_ID (`cloud`) and an Evolution API instance (`evolution`).
 */
export class WebhookFixture {
  t!: TestApp;
  owner!: Account;
  cloud!: { id: string };
  evolution!: { id: string; webhookToken: string };

  get http(): TestApp['http'] {
    return this.t.http;
  }

  get worker(): WebhookWorker {
    return this.t.app.get(WebhookWorker);
  }

  /** `env` adds to (or overrides) the webhook settings, e.g. META_GRAPH_API_BASE_URL. */
  async boot(env: Record<string, string> = {}): Promise<void> {
    this.t = await createTestApp({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      WEBHOOK_WORKER_ENABLED: 'false',
      ...env,
    });
  }

  async newOrganization(): Promise<void> {
    // Leftovers of the previous test are processed while they still route to its organization.
    await this.drain();
    // Each test gets its own organization; the previous one's claim of the phone_number_id goes, or the two claims
    // would leave every delivery unroutable.
    await this.sql(
      `UPDATE whatsapp_instances SET provider_phone_number_id = NULL, verified_at = NULL, access_token_encrypted = NULL
       WHERE provider_phone_number_id = $1`,
      [CLOUD_PHONE_NUMBER_ID],
    );
    this.owner = await registerAccount(this.t);
    this.cloud = (
      await this.http
        .post('/api/v1/whatsapp-instances')
        .set(this.owner.bearer)
        .send({
          name: 'Cloud',
          phoneNumber: '+55 11 94000-1234',
          provider: 'cloud_api',
          providerPhoneNumberId: CLOUD_PHONE_NUMBER_ID,
        })
        .expect(201)
    ).body;
    this.evolution = (
      await this.http
        .post('/api/v1/whatsapp-instances')
        .set(this.owner.bearer)
        .send({ name: 'Evolution', phoneNumber: '+55 11 91234-5678', provider: 'evolution' })
        .expect(201)
    ).body;
  }

  async close(): Promise<void> {
    await this.t.close();
  }

  /** Processes the pending webhook events; answers how many it took. */
  drain(): Promise<number> {
    return this.worker.drain();
  }

  /** Posts a Cloud API body, signed with APP_SECRET unless a signature header value is given. */
  postCloud(body: unknown, signature?: string) {
    const raw = JSON.stringify(body);
    return this.http
      .post('/api/v1/webhooks/whatsapp/cloud')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signature ?? metaSignature(raw, APP_SECRET))
      .send(raw);
  }

  /** Posts an Evolution API body to the Evolution instance, with its webhook token unless another is given. */
  postEvolution(body: unknown, token = this.evolution.webhookToken) {
    return this.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${this.evolution.id}`)
      .set('apikey', token)
      .send(body as object);
  }

  /** Posts each body (a Cloud API one, or an Evolution one with `evolution`), then processes them all. */
  async receive(provider: 'cloud' | 'evolution', ...bodies: Record<string, unknown>[]): Promise<void> {
    for (const body of bodies)
      await (provider === 'cloud' ? this.postCloud(body) : this.postEvolution(body)).expect(200);
    await this.drain();
  }

  /** The messages of the only ticket's conversation as an agent reads them, oldest first. */
  async thread(): Promise<any[]> {
    const [ticket] = await this.tickets();
    const detail = await this.detail(ticket.id);
    const path = `/api/v1/conversations/${detail.conversation.id}/messages`;
    return (await this.http.get(path).set(this.owner.bearer).expect(200)).body.items;
  }

  async sql(query: string, params: unknown[] = []): Promise<any[]> {
    return this.t.dataSource.query(query, params);
  }

  /** The number of rows of the owner's organization in a table. */
  async orgCount(table: string): Promise<number> {
    return (
      await this.sql(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [this.owner.organizationId])
    )[0].n;
  }

  /** GET /tickets as the owner: the items. */
  async tickets(): Promise<any[]> {
    return (await this.http.get('/api/v1/tickets').set(this.owner.bearer).expect(200)).body.items;
  }

  /** GET /tickets/:id as the owner. */
  async detail(id: string): Promise<any> {
    return (await this.http.get(`/api/v1/tickets/${id}`).set(this.owner.bearer).expect(200)).body;
  }
}

/** Boots a WebhookFixture for the enclosing describe and gives each of its tests a fresh organization. */
export function useWebhookFixture(env: Record<string, string> = {}): WebhookFixture {
  const fixture = new WebhookFixture();
  beforeAll(() => fixture.boot(env));
  beforeEach(() => fixture.newOrganization());
  afterAll(() => fixture.close());
  return fixture;
}
