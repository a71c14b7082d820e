import { createTestApp, type TestApp } from '../support/test-app';
import {
  addUser,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  uniquePhone,
  type Account,
} from '../support/fixtures';

/** The PRD's request body, verbatim. */
const PRD_BODY = {
  lead: { name: 'João Silva', phone: '+5511999998888', email: 'joao@email.com' },
  ticket: {
    utmSource: 'google',
    utmMedium: 'cpc',
    utmCampaign: 'lead_gen',
    gclid: 'EAIaIQobChMI...',
    sourceType: 'paid',
    stageId: 'clxyz123',
    dealValue: 1500.0,
  },
};

describe('POST /tickets', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
    await createInstance(t, owner);
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string): Promise<number> =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [
        owner.organizationId,
      ])
    )[0].n;

  it('creates the PRD example (with a real stage id): lead, conversation, ticket, tracking and gclid', async () => {
    const [, second] = await listStages(t, owner);
    const body = { ...PRD_BODY, ticket: { ...PRD_BODY.ticket, stageId: second.id } };
    const res = await t.http.post('/api/v1/tickets').set(owner.bearer).send(body).expect(201);
    expect(res.body).toMatchObject({
      status: 'open',
      sourceType: 'paid',
      creatorType: 'USER',
      dealValue: 1500,
      messagesCount: 0,
      salesCount: 0,
      totalValue: 0,
      lead: { name: 'João Silva', phone: '+5511999998888', email: 'joao@email.com' },
      stage: { id: second.id, name: 'Em Andamento' },
      tracking: {
        utmSource: 'google',
        utmMedium: 'cpc',
        utmCampaign: 'lead_gen',
        platform: { key: 'google_ads', name: 'Google Ads' },
        identifiers: { gclid: 'EAIaIQobChMI...' },
      },
      events: [{ type: 'created', actorType: 'user', actorId: owner.userId }],
    });
    expect(res.body.conversation.instance).toMatchObject({ name: 'Atendimento', phoneNumber: '+5511912345678' });
  });

  it('answers the PRD body verbatim with a 404 naming its example stage id, writing nothing', async () => {
    const res = await t.http.post('/api/v1/tickets').set(owner.bearer).send(PRD_BODY).expect(404);
    expect(res.body.message).toBe('Stage clxyz123 not found');
    expect(await count('leads')).toBe(0);
    expect(await count('tickets')).toBe(0);
  });

  it('puts a ticket in the first stage by default and follows a closed stage', async () => {
    const stages = await listStages(t, owner);
    const open = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    expect(open).toMatchObject({ stage: { id: stages[0].id }, status: 'open', closedAt: null, dealValue: 0 });
    const blank = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { stageId: '' } });
    expect(blank.stage.id).toBe(stages[0].id);
    const closed = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { stageId: stages[2].id } });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
  });

  it('recognizes one lead across phone formats and reuses its conversation', async () => {
    const a = await createTicket(t, owner, { lead: { phone: '(11) 99999-8888' } });
    const b = await createTicket(t, owner, { lead: { phone: '5511999998888' } });
    const c = await createTicket(t, owner, { lead: { phone: '+55 11 99999-8888' } });
    expect(new Set([a.leadId, b.leadId, c.leadId]).size).toBe(1);
    expect(new Set([a.conversation.id, b.conversation.id, c.conversation.id]).size).toBe(1);
    expect(a.lead.phone).toBe('+5511999998888');
    expect(await count('tickets')).toBe(3);
  });

  it('matches Brazilian mobiles with and without the ninth digit', async () => {
    const a = await createTicket(t, owner, { lead: { phone: '+55 11 9 8888-7777' } });
    const b = await createTicket(t, owner, { lead: { phone: '+55 11 8888-7777' } });
    expect(b.leadId).toBe(a.leadId);
    expect(b.lead.phone).toBe('+5511988887777');
  });

  it('matches emails case-insensitively, fills blanks and never overwrites', async () => {
    const a = await createTicket(t, owner, { lead: { email: 'Maria@Email.com' } });
    expect(a.lead).toMatchObject({ email: 'maria@email.com', name: null, phone: null });
    const b = await createTicket(t, owner, {
      lead: { email: 'MARIA@email.com', name: 'Maria', phone: '11 97777-6666' },
    });
    expect(b.leadId).toBe(a.leadId);
    expect(b.lead).toMatchObject({ name: 'Maria', phone: '+5511977776666' });
    const c = await createTicket(t, owner, {
      lead: { phone: '+5511977776666', name: 'Outro Nome', email: 'outro@email.com' },
    });
    expect(c.leadId).toBe(a.leadId);
    expect(c.lead).toMatchObject({ name: 'Maria', email: 'maria@email.com' });
  });

  it('lets the phone win when phone and email point at different leads', async () => {
    const byPhone = await createTicket(t, owner, { lead: { phone: '+5511966665555' } });
    const byEmail = await createTicket(t, owner, { lead: { email: 'ana@email.com' } });
    const both = await createTicket(t, owner, { lead: { phone: '+5511966665555', email: 'ana@email.com' } });
    expect(both.leadId).toBe(byPhone.leadId);
    expect(both.leadId).not.toBe(byEmail.leadId);
    expect(both.lead.email).toBeNull();
  });

  it('rejects a lead without phone and email, and an invalid phone, naming the field', async () => {
    const none = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { name: 'Sem contato' } })
      .expect(400);
    expect(none.body.details[0].field).toBe('lead.phone');
    const bad = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { phone: '123' } })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('lead.phone'),
      details: [{ field: 'lead.phone', code: 'invalid_phone' }],
    });
    const badEmail = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { email: 'nope' } })
      .expect(400);
    expect(badEmail.body.details[0].field).toBe('lead.email');
    await t.http.post('/api/v1/tickets').set(owner.bearer).send({}).expect(400);
  });

  it('answers 422 telling to create a WhatsApp instance when the organization has none', async () => {
    const other = await registerAccount(t);
    const res = await t.http
      .post('/api/v1/tickets')
      .set(other.bearer)
      .send({ lead: { phone: uniquePhone() } })
      .expect(422);
    expect(res.body.message).toMatch(/create one first.*whatsapp-instances/i);
  });

  it("answers 404 for another organization's instance, stage or assignee", async () => {
    const other = await registerAccount(t);
    const foreignInstance = await createInstance(t, other);
    const [foreignStage] = await listStages(t, other);
    const lead = { phone: uniquePhone() };
    await t.http.post('/api/v1/tickets').set(owner.bearer).send({ instanceId: foreignInstance.id, lead }).expect(404);
    await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead, ticket: { stageId: foreignStage.id } })
      .expect(404);
    await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead, ticket: { assigneeId: other.userId } })
      .expect(404);
    expect(await count('tickets')).toBe(0);
  });

  it('assigns to a user of the organization and stores the name', async () => {
    const agent = await addUser(t, owner, 'agent');
    const ticket = await createTicket(t, owner, {
      lead: { phone: uniquePhone() },
      ticket: { assigneeId: agent.userId },
    });
    expect(ticket).toMatchObject({ assigneeId: agent.userId, assigneeName: 'Agente agent' });
  });

  it('validates the deal value', async () => {
    const lead = { phone: uniquePhone() };
    for (const dealValue of [-1, 10.123, 'mil', 1e15]) {
      const res = await t.http
        .post('/api/v1/tickets')
        .set(owner.bearer)
        .send({ lead, ticket: { dealValue } })
        .expect(400);
      expect(res.body.details[0].field).toBe('ticket.dealValue');
    }
    expect((await createTicket(t, owner, { lead, ticket: { dealValue: 99.9 } })).dealValue).toBe(99.9);
  });

  it('derives platform and source type from click ids, then from UTMs', async () => {
    const make = (ticket: Record<string, unknown>) =>
      createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket });
    expect((await make({ fbclid: 'fb.1' })).tracking).toMatchObject({
      platform: { key: 'meta_ads' },
      identifiers: { fbclid: 'fb.1' },
    });
    expect((await make({ fbclid: 'fb.1' })).sourceType).toBe('paid');
    expect((await make({ ctwaclid: 'ct.1' })).tracking.platform.key).toBe('meta_ads');
    expect((await make({ ttclid: 'tt.1' })).tracking.platform.key).toBe('tiktok_ads');
    expect((await make({ gbraid: 'gb.1' })).tracking.platform.key).toBe('google_ads');
    expect((await make({ utmSource: 'instagram' })).tracking.platform.key).toBe('meta_ads');
    // A bio link or a search result is not an ad, whatever the network (as GA4's Organic Social/Search channels).
    const insta = await make({ utmSource: 'instagram', utmMedium: 'social' });
    expect(insta).toMatchObject({ sourceType: 'organic', tracking: { platform: null, identifiers: {} } });
    expect((await make({ utmSource: 'google', utmMedium: 'organic' })).tracking.platform).toBeNull();
    expect((await make({ utmSource: 'google', utmMedium: 'cpc' })).sourceType).toBe('paid');
    expect((await make({ utmSource: 'newsletter' })).tracking.platform).toBeNull();
    expect((await make({ gclid: 'g.1', sourceType: 'organic' })).sourceType).toBe('organic');
  });

  it('accepts click ids of any known type through clickIds, including types added as rows', async () => {
    await t.dataSource.query(
      `INSERT INTO tracking_identifier_types (key, name, ad_platform_id) SELECT 'msclkid', 'Microsoft Click ID', id FROM ad_platforms WHERE key = 'google_ads'`,
    );
    try {
      const ticket = await createTicket(t, owner, {
        lead: { phone: uniquePhone() },
        ticket: { clickIds: { msclkid: 'ms.1', gclid: 'g.2' } },
      });
      expect(ticket.tracking.identifiers).toEqual({ gclid: 'g.2', msclkid: 'ms.1' });
    } finally {
      await t.dataSource.query(
        `DELETE FROM ticket_tracking_identifiers WHERE identifier_type_id IN (SELECT id FROM tracking_identifier_types WHERE key = 'msclkid')`,
      );
      await t.dataSource.query(`DELETE FROM tracking_identifier_types WHERE key = 'msclkid'`);
    }
  });

  it('rejects an unknown click id key with 400 and writes nothing (one transaction)', async () => {
    const res = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { phone: uniquePhone(), name: 'Novo' }, ticket: { clickIds: { xyzclid: '1' } } })
      .expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'ticket.clickIds.xyzclid' });
    expect(await count('leads')).toBe(0);
    expect(await count('whatsapp_conversations')).toBe(0);
  });

  it('rejects a click id in clickIds that is not a string or longer than 512 characters, naming it', async () => {
    for (const value of [42, 'g'.repeat(513)]) {
      const res = await t.http
        .post('/api/v1/tickets')
        .set(owner.bearer)
        .send({ lead: { phone: uniquePhone() }, ticket: { clickIds: { gclid: value } } })
        .expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'ticket.clickIds.gclid' });
    }
    expect(await count('leads')).toBe(0);
  });

  it('creates exactly one lead and one conversation under 50 parallel requests for a new phone', async () => {
    const phone = uniquePhone();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http
          .post('/api/v1/tickets')
          .set(owner.bearer)
          .send({ lead: { phone, name: `Lead ${i}` }, ticket: { utmSource: 'google' } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.body.leadId)).size).toBe(1);
    expect(await count('leads')).toBe(1);
    expect(await count('whatsapp_conversations')).toBe(1);
    expect(await count('tickets')).toBe(50);
    expect(await count('ticket_trackings')).toBe(50);
  });

  it('works with an API key, recording it as the actor', async () => {
    const key = (await t.http.post('/api/v1/api-keys').set(owner.bearer).send({ name: 'Site' }).expect(201)).body
      .key as string;
    const res = await t.http
      .post('/api/v1/tickets')
      .set('X-API-Key', key)
      .send({ lead: { phone: uniquePhone() } })
      .expect(201);
    expect(res.body.events[0]).toMatchObject({ type: 'created', actorType: 'api_key', actorName: 'API key Site' });
  });
});
