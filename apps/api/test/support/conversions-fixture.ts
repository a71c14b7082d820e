import { Clock } from '../../src/common/clock/clock';
import { ConversionsWorker } from '../../src/modules/conversions/conversions.worker';
import { FakeGraphApi } from './fake-graph-api';
import {
  addUser,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  type Account,
  type StageRef,
} from './fixtures';
import { createTestApp, type TestApp } from './test-app';

export type Item = Record<string, any>;

/** The instant the application clock is frozen at. */
export const NOW = new Date('2026-03-15T15:00:00Z');
export const META_ACCESS_TOKEN = 'EAAB-test-token-123';

/**
 * The tickets of the scenario, named by what they carry: TA and TH a Click-to-WhatsApp id (TA a deal value too),
 * TB..TG Google Ads click ids in every combination, TG one that would be a spreadsheet formula.
 */
const TICKETS: [string, Record<string, unknown>][] = [
  ['TA', { utmSource: 'facebook', ctwaclid: 'CTWA-A', dealValue: 1500 }],
  ['TH', { utmSource: 'facebook', ctwaclid: 'CTWA-H' }],
  ['TB', { utmSource: 'google', gclid: 'Cj0KCQjw-GCLID_B' }],
  ['TC', { gbraid: 'GBRAID-C' }],
  ['TD', { gbraid: 'GBRAID-D', wbraid: 'WBRAID-D' }],
  ['TE', { gclid: 'GCLID-E', wbraid: 'WBRAID-E' }],
  ['TF', { wbraid: 'WBRAID-F' }],
  ['TG', { gclid: '=HYPERLINK("http://evil")' }],
];

/**
 * An application (conversions worker off, clock frozen at NOW) and a fake Graph API, with the owner and an agent of
 * "Loja Conversões", the TICKETS (ids by name in `ids`), and another organization whose sold ticket carries a
 * gclid and a ctwaclid and must never show up. Nothing is sold for the owner and no Meta settings are saved.
 */
export class ConversionsFixture {
  t!: TestApp;
  fake!: FakeGraphApi;
  clock!: Clock;
  worker!: ConversionsWorker;
  owner!: Account;
  agent!: Account;
  other!: Account;
  stages!: StageRef[];
  readonly ids: Record<string, string> = {};

  get http(): TestApp['http'] {
    return this.t.http;
  }

  get dataSource(): TestApp['dataSource'] {
    return this.t.dataSource;
  }

  async boot(): Promise<void> {
    this.fake = new FakeGraphApi();
    await this.fake.start();
    this.t = await createTestApp({ CONVERSIONS_WORKER_ENABLED: 'false', CONVERSIONS_WORKER_INTERVAL_MS: '50' });
    this.clock = this.t.app.get(Clock);
    this.clock.freeze(NOW);
    this.worker = this.t.app.get(ConversionsWorker);
    this.owner = await registerAccount(this.t, 'Loja Conversões');
    this.agent = await addUser(this.t, this.owner, 'agent');
    await createInstance(this.t, this.owner);
    this.stages = await listStages(this.t, this.owner);
    let n = 0;
    for (const [name, ticket] of TICKETS) {
      n += 1;
      this.ids[name] = (
        await createTicket(this.t, this.owner, { lead: { name, phone: `+55119876501${n}0` }, ticket })
      ).id;
    }
    this.other = await registerAccount(this.t, 'Outra');
    await createInstance(this.t, this.other);
    const foreign = await createTicket(this.t, this.other, {
      lead: { name: 'Outro', phone: '+5511987659999' },
      ticket: { gclid: 'FOREIGN', ctwaclid: 'CTWA-FOREIGN' },
    });
    await this.sell(foreign.id as string, 999, '2026-03-10T12:00:00Z', this.other);
  }

  async close(): Promise<void> {
    await this.t.close();
    await this.fake.stop();
  }

  /** Meta settings pointing at the fake Graph API, enabled, with a stage rule on the second stage. */
  settingsBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      enabled: true,
      datasetId: '987654321',
      whatsappBusinessAccountId: '1122334455',
      graphApiBaseUrl: `${this.fake.base}/`,
      stageRule: { stageId: this.stages[1].id, eventName: 'LeadSubmitted' },
      ...extra,
    };
  }

  putSettings(body: Record<string, unknown>, account = this.owner) {
    return this.http.put('/api/v1/conversions/meta-settings').set(account.bearer).send(body);
  }

  /** Records a sale on a ticket (a name from TICKETS or an id) and answers the sale id. */
  async sell(ticket: string, value: number, soldAt: string, account = this.owner): Promise<string> {
    const res = await this.http
      .post(`/api/v1/tickets/${this.ids[ticket] ?? ticket}/sales`)
      .set(account.bearer)
      .send({ value, soldAt })
      .expect(201);
    return res.body.id as string;
  }

  move(ticket: string, stageId: string) {
    return this.http.patch(`/api/v1/tickets/${this.ids[ticket]}`).set(this.owner.bearer).send({ stageId }).expect(200);
  }

  /** GET /conversions: the page body. */
  async conversions(query: Record<string, string> = {}, account = this.owner): Promise<Item> {
    return (await this.http.get('/api/v1/conversions').query(query).set(account.bearer).expect(200)).body as Item;
  }

  async conversionOf(eventId: string): Promise<Item> {
    return ((await this.conversions({ pageSize: '100' })).items as Item[]).find((c) => c.eventId === eventId)!;
  }
}

/** Boots a ConversionsFixture before the tests of the enclosing describe and closes it after them. */
export function useConversionsFixture(): ConversionsFixture {
  const fixture = new ConversionsFixture();
  beforeAll(() => fixture.boot());
  afterAll(() => fixture.close());
  return fixture;
}

/** The Conversions API event queued for a sale of a Click-to-WhatsApp ticket. */
export function purchaseEvent(saleId: string, ctwaClid: string, eventTime: number, value: number): Item {
  return {
    event_name: 'Purchase',
    event_time: eventTime,
    event_id: `purchase:${saleId}`,
    action_source: 'business_messaging',
    messaging_channel: 'whatsapp',
    user_data: { whatsapp_business_account_id: '1122334455', ctwa_clid: ctwaClid },
    custom_data: { currency: 'BRL', value },
  };
}
