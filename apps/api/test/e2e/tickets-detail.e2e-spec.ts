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

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('GET /tickets/:id (the ticket screen)', () => {
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

  const detail = async (id: string) =>
    (await t.http.get(`/api/v1/tickets/${id}`).set(owner.bearer).expect(200)).body as Record<string, any>;

  it('shows the whole ticket: lead, instance, stage, tracking, sales in sale order and the timeline', async () => {
    const agent = await addUser(t, owner, 'agent');
    const stages = await listStages(t, owner);
    const created = await createTicket(t, owner, {
      lead: { name: 'Ana Lima', phone: '+55 11 97654-3210', email: 'Ana@Lima.com' },
      ticket: {
        utmSource: 'google',
        utmMedium: 'cpc',
        utmCampaign: 'verao',
        utmTerm: 'tenis',
        utmContent: 'banner',
        clickIds: { wbraid: 'w.1', gclid: 'g.1' },
        assigneeId: agent.userId,
        dealValue: 1234.5,
        stageId: stages[1]!.id,
      },
    });
    const addSale = (sale: Record<string, unknown>) =>
      t.http.post(`/api/v1/tickets/${created.id}/sales`).set(owner.bearer).send(sale).expect(201);
    await addSale({ value: 10.1, description: 'Segunda', soldAt: '2026-02-01T10:00:00.123Z' });
    await addSale({ value: 0.2, soldAt: '2026-01-01T10:00:00Z' });

    const body = await detail(created.id);
    expect(body).toEqual({
      id: created.id,
      status: 'open',
      sourceType: 'paid',
      creatorType: 'USER',
      dealValue: 1234.5,
      messagesCount: 0,
      firstResponseAt: null,
      lastMessageAt: null,
      lastMessagePreview: null,
      lastMessageType: null,
      lastMessageDirection: null,
      unreadCount: 0,
      waitingSince: null,
      replyWindow: { open: true, expiresAt: null },
      salesCount: 2,
      totalValue: 10.3,
      leadId: created.leadId,
      lead: { id: created.leadId, name: 'Ana Lima', phone: '+5511976543210', email: 'ana@lima.com' },
      conversation: {
        id: created.conversation.id,
        instance: {
          id: expect.any(String),
          name: 'Atendimento',
          phoneNumber: '+5511912345678',
          provider: 'evolution',
          canSend: false,
        },
        lastInboundAt: null,
      },
      stage: { id: stages[1]!.id, name: 'Em Andamento', color: '#f59e0b', order: 1, isClosed: false },
      assigneeId: agent.userId,
      assigneeName: 'Agente agent',
      tracking: {
        utmSource: 'google',
        utmMedium: 'cpc',
        utmCampaign: 'verao',
        utmTerm: 'tenis',
        utmContent: 'banner',
        platform: { key: 'google_ads', name: 'Google Ads' },
        adId: null,
        sourceUrl: null,
        adHeadline: null,
        identifiers: { gclid: 'g.1', wbraid: 'w.1' },
      },
      sales: [
        {
          id: expect.any(String),
          ticketId: created.id,
          value: 0.2,
          description: null,
          soldAt: '2026-01-01T10:00:00.000Z',
          createdAt: expect.stringMatching(ISO),
        },
        {
          id: expect.any(String),
          ticketId: created.id,
          value: 10.1,
          description: 'Segunda',
          soldAt: '2026-02-01T10:00:00.123Z',
          createdAt: expect.stringMatching(ISO),
        },
      ],
      events: [
        {
          id: expect.any(String),
          type: 'created',
          actorType: 'user',
          actorId: owner.userId,
          actorName: 'Maria Oliveira',
          before: null,
          after: { stageId: stages[1]!.id, stageName: 'Em Andamento', assigneeId: agent.userId, dealValue: 1234.5 },
          createdAt: expect.stringMatching(ISO),
        },
        expect.objectContaining({ type: 'sale_added', after: expect.objectContaining({ value: 10.1 }) }),
        expect.objectContaining({ type: 'sale_added', after: expect.objectContaining({ value: 0.2 }) }),
      ],
      touches: [],
      closedAt: null,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
    expect(Object.keys(body.tracking.identifiers)).toEqual(['gclid', 'wbraid']);
  });

  it('answers the creation with the same body as a later read', async () => {
    const created = await createTicket(t, owner, {
      lead: { phone: uniquePhone() },
      ticket: { fbclid: 'fb.1', utmSource: 'instagram' },
    });
    expect(await detail(created.id)).toEqual(created);
  });

  it('has a null tracking and empty lists when the ticket has none', async () => {
    const { id } = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    await t.dataSource.query('DELETE FROM ticket_trackings WHERE organization_id = $1 AND ticket_id = $2', [
      owner.organizationId,
      id,
    ]);
    await t.dataSource.query('DELETE FROM ticket_events WHERE organization_id = $1 AND ticket_id = $2', [
      owner.organizationId,
      id,
    ]);
    expect(await detail(id)).toMatchObject({ tracking: null, sales: [], events: [] });
  });

  it("answers 404 naming the ticket for an unknown id and for another organization's ticket", async () => {
    const { id } = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const other = await registerAccount(t);
    const res = await t.http.get(`/api/v1/tickets/${id}`).set(other.bearer).expect(404);
    expect(res.body.message).toBe(`Ticket ${id} not found`);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t.http.get(`/api/v1/tickets/${unknown}`).set(owner.bearer).expect(404);
  });

  it('moves updatedAt on a real change only', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { dealValue: 10 } });
    const patch = (body: Record<string, unknown>) =>
      t.http.patch(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).send(body).expect(200);
    const unchanged = (await patch({ dealValue: 10 })).body;
    expect(unchanged.updatedAt).toBe(ticket.updatedAt);
    await new Promise((resolve) => setTimeout(resolve, 5)); // updated_at has millisecond precision in the body
    const changed = (await patch({ dealValue: 11 })).body;
    expect(changed.updatedAt > ticket.updatedAt).toBe(true);
    expect(changed.dealValue).toBe(11);
  });
});
