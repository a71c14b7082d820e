import { Clock } from '../../src/common/clock/clock';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  addUser,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  uniquePhone,
  type Account,
  type StageRef,
} from '../support/fixtures';

describe('PATCH /tickets/:id and sales', () => {
  let t: TestApp;
  let owner: Account;
  let stages: StageRef[];

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
    await createInstance(t, owner);
    stages = await listStages(t, owner);
  });

  afterAll(async () => {
    await t.close();
  });

  const patch = (id: string, body: Record<string, unknown>, account = owner) =>
    t.http.patch(`/api/v1/tickets/${id}`).set(account.bearer).send(body);

  it('moves through stages, closing and reopening, with one event per change', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    t.app.get(Clock).freeze(new Date('2026-05-10T12:00:00Z'));
    const closed = (await patch(ticket.id, { stageId: stages[2]!.id }).expect(200)).body;
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2026-05-10T12:00:00.000Z',
      stage: { name: 'Fechado' },
    });
    t.app.get(Clock).freeze(null);
    const reopened = (await patch(ticket.id, { stageId: stages[1]!.id }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, stage: { name: 'Em Andamento' } });
    expect(reopened.events.map((e: { type: string }) => e.type)).toEqual(['created', 'stage_changed', 'stage_changed']);
    expect(reopened.events[1]).toMatchObject({
      actorType: 'user',
      actorId: owner.userId,
      actorName: 'Maria Oliveira',
      before: { stageId: stages[0]!.id, stageName: 'Novo' },
      after: { stageId: stages[2]!.id, stageName: 'Fechado' },
    });
  });

  it('assigns, reassigns and unassigns, and changes the deal value, recording before and after', async () => {
    const agent = await addUser(t, owner, 'agent');
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { dealValue: 100 } });
    const assigned = (await patch(ticket.id, { assigneeId: agent.userId, dealValue: 2000 }).expect(200)).body;
    expect(assigned).toMatchObject({ assigneeId: agent.userId, assigneeName: 'Agente agent', dealValue: 2000 });
    const unassigned = (await patch(ticket.id, { assigneeId: null }).expect(200)).body;
    expect(unassigned).toMatchObject({ assigneeId: null, assigneeName: null });
    const events = unassigned.events.map((e: Record<string, unknown>) => [e.type, e.before, e.after]);
    expect(events).toEqual([
      ['created', null, expect.objectContaining({ dealValue: 100 })],
      [
        'assigned',
        { assigneeId: null, assigneeName: null },
        { assigneeId: agent.userId, assigneeName: 'Agente agent' },
      ],
      ['deal_value_changed', { dealValue: 100 }, { dealValue: 2000 }],
      [
        'assigned',
        { assigneeId: agent.userId, assigneeName: 'Agente agent' },
        { assigneeId: null, assigneeName: null },
      ],
    ]);
  });

  it('records nothing when nothing changes', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { dealValue: 10 } });
    const res = (await patch(ticket.id, { stageId: stages[0]!.id, dealValue: 10 }).expect(200)).body;
    expect(res.events).toHaveLength(1);
  });

  it('accepts the PRD update body shape and answers 404 for its example ids', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const res = await patch(ticket.id, {
      stageId: 'clxyz_fechado',
      assigneeId: '00000000-0000-4000-8000-000000000000',
      dealValue: 2000.0,
    }).expect(404);
    expect(res.body.message).toBe('Stage clxyz_fechado not found');
    const after = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(after).toMatchObject({ dealValue: 0, stage: { id: stages[0]!.id }, events: [{ type: 'created' }] });
  });

  it('validates the body', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    for (const [body, field] of [
      [{ dealValue: -5 }, 'dealValue'],
      [{ dealValue: null }, 'dealValue'],
      [{ stageId: null }, 'stageId'],
      [{ assigneeId: 'abc' }, 'assigneeId'],
      [{ status: 'closed' }, 'status'],
    ] as const) {
      const res = await patch(ticket.id, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('adds and deletes sales, keeping the counters exact', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const s1 = (
      await t.http
        .post(`/api/v1/tickets/${ticket.id}/sales`)
        .set(owner.bearer)
        .send({ value: 1200.5, description: 'Plano anual' })
        .expect(201)
    ).body;
    expect(s1).toMatchObject({ ticketId: ticket.id, value: 1200.5, description: 'Plano anual' });
    await t.http
      .post(`/api/v1/tickets/${ticket.id}/sales`)
      .set(owner.bearer)
      .send({ value: 0.1, soldAt: '2026-01-20T14:00:00-03:00' })
      .expect(201);
    await t.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(owner.bearer).send({ value: 0.2 }).expect(201);
    let detail = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(detail).toMatchObject({ salesCount: 3, totalValue: 1200.8 });
    expect(detail.sales[0]).toMatchObject({ value: 0.1, soldAt: '2026-01-20T17:00:00.000Z' });
    expect(detail.events.filter((e: { type: string }) => e.type === 'sale_added')).toHaveLength(3);
    const list = (await t.http.get(`/api/v1/tickets/${ticket.id}/sales`).set(owner.bearer).expect(200)).body;
    expect(list.items).toHaveLength(3);
    await t.http.delete(`/api/v1/sales/${s1.id}`).set(owner.bearer).expect(204);
    await t.http.delete(`/api/v1/sales/${s1.id}`).set(owner.bearer).expect(404);
    detail = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(detail).toMatchObject({ salesCount: 2, totalValue: 0.3 });
  });

  it('keeps counters exact under concurrent sales', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(owner.bearer).send({ value: 10.01 }).expect(201),
      ),
    );
    const detail = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(detail).toMatchObject({ salesCount: 20, totalValue: 200.2 });
  });

  it('validates sales', async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    for (const body of [{ value: 0 }, { value: -1 }, { value: 1.234 }, {}, { value: 10, soldAt: 'ontem' }]) {
      await t.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(owner.bearer).send(body).expect(400);
    }
    await t.http
      .post('/api/v1/tickets/00000000-0000-4000-8000-000000000000/sales')
      .set(owner.bearer)
      .send({ value: 1 })
      .expect(404);
  });

  it("answers 404 on every ticket and sale route for another organization's ids", async () => {
    const ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const sale = (
      await t.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(owner.bearer).send({ value: 5 }).expect(201)
    ).body;
    const other = await registerAccount(t);
    await createInstance(t, other);
    const [otherStage] = await listStages(t, other);
    await t.http.get(`/api/v1/tickets/${ticket.id}`).set(other.bearer).expect(404);
    await patch(ticket.id, { dealValue: 1 }, other).expect(404);
    await t.http.get(`/api/v1/tickets/${ticket.id}/sales`).set(other.bearer).expect(404);
    await t.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(other.bearer).send({ value: 1 }).expect(404);
    await t.http.delete(`/api/v1/sales/${sale.id}`).set(other.bearer).expect(404);
    await patch(ticket.id, { stageId: otherStage!.id }).expect(404);
    await patch(ticket.id, { assigneeId: other.userId }).expect(404);
    const list = (await t.http.get('/api/v1/tickets').set(other.bearer).expect(200)).body;
    expect(list.total).toBe(0);
    const inbounds = (await t.http.get('/api/v1/tickets/inbounds').set(other.bearer).expect(200)).body;
    expect(inbounds.total).toBe(0);
    const csv = await t.http.get('/api/v1/tickets/export.csv').set(other.bearer).expect(200);
    expect(csv.text).not.toContain(ticket.id);
    const detail = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(detail).toMatchObject({ dealValue: 0, salesCount: 1 });
  });
});
