import { createTestApp, type TestApp } from '../support/test-app';
import { createInstance, createTicket, registerAccount, type Account } from '../support/fixtures';
import { StagesService } from '../../src/modules/stages/stages.service';

interface Stage {
  id: string;
  name: string;
  color: string;
  order: number;
  isClosed: boolean;
}

describe('stages', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (): Promise<Stage[]> =>
    (await t.http.get('/api/v1/stages').set(owner.bearer).expect(200)).body.items as Stage[];

  it('creates a stage at the end, with names unique regardless of case', async () => {
    const res = await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .send({ name: 'Proposta', color: '#8B5CF6' })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'Proposta', color: '#8b5cf6', order: 3, isClosed: false });
    const dup = await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .send({ name: 'novo', color: '#000000' })
      .expect(409);
    expect(dup.body.message).toContain('already exists');
    expect(dup.body).toMatchObject({ code: 'already_exists', details: [{ field: 'name', code: 'already_exists' }] });
  });

  it('renames and recolors a stage', async () => {
    const [first] = await list();
    const res = await t.http
      .patch(`/api/v1/stages/${first.id}`)
      .set(owner.bearer)
      .send({ name: 'Novo lead', color: '#111111' })
      .expect(200);
    expect(res.body).toMatchObject({ id: first.id, name: 'Novo lead', color: '#111111' });
    await t.http.patch(`/api/v1/stages/${first.id}`).set(owner.bearer).send({ name: 'FECHADO' }).expect(409);
  });

  it('leaves isClosed as it is when a PATCH omits it, and rejects null', async () => {
    const closed = (await list()).find((s) => s.isClosed)!;
    const renamed = await t.http
      .patch(`/api/v1/stages/${closed.id}`)
      .set(owner.bearer)
      .send({ name: 'Ganho' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Ganho', isClosed: true });
    const res = await t.http
      .patch(`/api/v1/stages/${closed.id}`)
      .set(owner.bearer)
      .send({ isClosed: null })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'isClosed' })]);
  });

  it('reorders with exactly the organization stages', async () => {
    const stages = await list();
    const reversed = [...stages].reverse().map((s) => s.id);
    const res = await t.http.put('/api/v1/stages/order').set(owner.bearer).send({ ids: reversed }).expect(200);
    expect(res.body.items.map((s: Stage) => s.id)).toEqual(reversed);
    await t.http
      .put('/api/v1/stages/order')
      .set(owner.bearer)
      .send({ ids: reversed.slice(1) })
      .expect(400);
    await t.http
      .put('/api/v1/stages/order')
      .set(owner.bearer)
      .send({ ids: [reversed[0], reversed[0], reversed[1]] })
      .expect(400);
  });

  it('refuses to delete a stage with tickets unless told where they go (stage_has_tickets), and says so without a line', async () => {
    const noLine = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { phone: '+55 11 98888-0001' } });
    expect([noLine.status, noLine.body.code]).toEqual([422, 'no_whatsapp_line']);
    await createInstance(t, owner);
    const ticket = await createTicket(t, owner, { lead: { phone: '+55 11 98888-0001' } });
    const busy = await t.http.delete(`/api/v1/stages/${ticket.stage.id}`).set(owner.bearer).expect(409);
    expect(busy.body.code).toBe('stage_has_tickets');
    const other = (await list()).find((stage) => stage.id !== ticket.stage.id)!;
    await t.http.delete(`/api/v1/stages/${ticket.stage.id}`).query({ moveTo: other.id }).set(owner.bearer).expect(204);
  });

  it('deletes an empty stage but never the last one', async () => {
    const stages = await list();
    await t.http.delete(`/api/v1/stages/${stages[0].id}`).set(owner.bearer).expect(204);
    await t.http.delete(`/api/v1/stages/${stages[1].id}`).set(owner.bearer).expect(204);
    const last = await t.http.delete(`/api/v1/stages/${stages[2].id}`).set(owner.bearer).expect(409);
    expect(last.body.message).toContain('last stage');
    expect(last.body.code).toBe('last_stage');
    expect(await list()).toHaveLength(1);
  });

  it('ensureTicketStages is idempotent under 20 concurrent calls', async () => {
    const service = t.app.get(StagesService);
    const [org] = await t.dataSource.query(`INSERT INTO organizations (name) VALUES ('Sem estágios') RETURNING id`);
    await Promise.all(Array.from({ length: 20 }, () => service.ensureTicketStages(org.id)));
    const rows = await t.dataSource.query(
      'SELECT name, color, is_closed, position FROM ticket_stages WHERE organization_id = $1 ORDER BY position',
      [org.id],
    );
    expect(rows).toEqual([
      { name: 'Novo', color: '#3b82f6', is_closed: false, position: 0 },
      { name: 'Em Andamento', color: '#f59e0b', is_closed: false, position: 1 },
      { name: 'Fechado', color: '#10b981', is_closed: true, position: 2 },
    ]);
    await service.ensureTicketStages(org.id);
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM ticket_stages WHERE organization_id = $1',
      [org.id],
    );
    expect(count).toBe(3);
  });
});
