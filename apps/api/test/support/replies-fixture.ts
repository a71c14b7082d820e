import { randomBytes } from 'node:crypto';
import { RepliesWorker } from '../../src/modules/replies/replies.worker';
import { FakeGraphApi } from './fake-graph-api';
import { WebhookFixture } from './webhook-fixture';
import { CLOUD_PHONE_NUMBER_ID, cloudText } from './whatsapp-payloads';

export const WABA_ID = '102290129340398';

/** The WABA's templates as the Graph API lists them (one pending: not offered). */
export const TEMPLATES = [
  {
    name: 'retomada_atendimento',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Olá {{1}}, podemos retomar {{2}}?' }],
  },
  { name: 'promo', language: 'pt_BR', status: 'PENDING', category: 'MARKETING', components: [] },
];

/** The lead of every conversation these tests open (the Cloud API's wa_id, digits). */
export const LEAD_WA_ID = '5511999998888';

/**
 * A WebhookFixture for replies: a fake Graph API on loopback, both workers off (tests drain them), retries after 1 ms,
 * and a Cloud API line verified with an access token the fake accepts.
 */
export class RepliesFixture extends WebhookFixture {
  readonly graph = new FakeGraphApi();
  token = '';
  private seq = 0;

  async start(env: Record<string, string> = {}): Promise<void> {
    await this.graph.start();
    await this.boot({
      META_GRAPH_API_BASE_URL: this.graph.base,
      REPLIES_WORKER_ENABLED: 'false',
      REPLIES_RETRY_BASE_MS: '1',
      ...env,
    });
  }

  async stop(): Promise<void> {
    await this.close();
    await this.graph.stop();
  }

  get replies(): RepliesWorker {
    return this.t.app.get(RepliesWorker);
  }

  /** A new organization whose Cloud API line holds a verified access token. */
  async newVerifiedOrganization(): Promise<void> {
    await this.newOrganization();
    this.token = `EAAG-replies-${randomBytes(12).toString('hex')}`;
    this.graph.grantPhoneNumbers(this.token, CLOUD_PHONE_NUMBER_ID);
    await this.http
      .patch(`/api/v1/whatsapp-instances/${this.cloud.id}`)
      .set(this.owner.bearer)
      .send({ accessToken: this.token, providerBusinessAccountId: WABA_ID })
      .expect(200);
    this.graph.setTemplates(WABA_ID, this.token, TEMPLATES);
  }

  /** The lead writes `hoursAgo` hours before now; answers the ticket it lands on. */
  async leadWrites(hoursAgo = 0, text = 'Quero um orçamento'): Promise<string> {
    const timestamp = Math.floor((Date.now() - hoursAgo * 3600_000) / 1000);
    const id = `wamid.IN${process.pid}${++this.seq}${randomBytes(4).toString('hex')}`;
    await this.postCloud(cloudText({ id, text, timestamp })).expect(200);
    await this.drain();
    const [ticket] = await this.tickets();
    return ticket.id as string;
  }

  reply(ticketId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return this.http.post(`/api/v1/tickets/${ticketId}/messages`).set(this.owner.bearer).set(headers).send(body);
  }

  /** The conversation's messages as the API lists them, oldest first. */
  async messages(ticketId: string): Promise<any[]> {
    const detail = await this.detail(ticketId);
    return (
      await this.http
        .get(`/api/v1/conversations/${detail.conversation.id}/messages?pageSize=100`)
        .set(this.owner.bearer)
        .expect(200)
    ).body.items;
  }

  async message(ticketId: string, id: string): Promise<any> {
    return (await this.messages(ticketId)).find((m) => m.id === id);
  }

  /** Drains the replies outbox until nothing is due, waiting out the 1 ms backoff between rounds. */
  async deliver(rounds = 1): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await this.replies.drain();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
