import { createTestApp, type TestApp } from '../support/test-app';
import { createInstance, createTicket, registerAccount, uniquePhone, type Account } from '../support/fixtures';

interface LeadItem {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  ticketsCount: number;
  createdAt: string;
  updatedAt: string;
}

interface LeadList {
  items: LeadItem[];
  total: number;
  page: number;
  pageSize: number;
}

interface StageItem {
  id: string;
  color: string;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('leads', () => {
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

  const list = async (query: Record<string, string | number> = {}, account: Account = owner): Promise<LeadList> =>
    (await t.http.get('/api/v1/leads').query(query).set(account.bearer).expect(200)).body as LeadList;

  const search = async (q: string): Promise<(string | null)[]> => (await list({ q })).items.map((l) => l.name);

  /** A lead made through POST /tickets (the only way leads are created); returns its id. */
  const makeLead = async (lead: Record<string, unknown>, account: Account = owner): Promise<string> =>
    (await createTicket(t, account, { lead })).leadId as string;

  const patch = (id: string, body: Record<string, unknown>, account: Account = owner) =>
    t.http.patch(`/api/v1/leads/${id}`).set(account.bearer).send(body);

  it('lists newest first with paging, total and ticketsCount', async () => {
    expect(await list()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const first = await makeLead({ name: 'Primeiro', phone: uniquePhone() });
    const secondPhone = uniquePhone();
    const second = await makeLead({ name: 'Segundo', phone: secondPhone, email: 'segundo@email.com' });
    await makeLead({ name: 'Segundo de novo', phone: secondPhone });
    const third = await makeLead({ name: 'Terceiro', email: 'terceiro@email.com' });

    const page1 = await list({ pageSize: 2 });
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((l) => l.id)).toEqual([third, second]);
    expect(page1.items[1]).toEqual({
      id: second,
      name: 'Segundo',
      phone: secondPhone,
      email: 'segundo@email.com',
      ticketsCount: 2,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(page1.items[0]).toMatchObject({ phone: null, email: 'terceiro@email.com', ticketsCount: 1 });

    const page2 = await list({ pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((l) => l.id)).toEqual([first]);
    expect(await list({ pageSize: 2, page: 3 })).toMatchObject({ items: [], total: 3 });
  });

  it('validates the paging parameters', async () => {
    for (const query of [{ page: 0 }, { pageSize: 101 }, { pageSize: 'x' }]) {
      await t.http.get('/api/v1/leads').query(query).set(owner.bearer).expect(400);
    }
  });

  it('searches the name partially, ignoring case and accents', async () => {
    await makeLead({ name: 'João Silva', phone: '+55 11 99998-1234' });
    await makeLead({ name: 'Maria Souza', phone: uniquePhone() });
    await makeLead({ name: 'Conceição', email: 'conceicao@email.com' });
    expect(await search('joao')).toEqual(['João Silva']);
    expect(await search('SIL')).toEqual(['João Silva']);
    expect(await search('JOÃO')).toEqual(['João Silva']);
    expect(await search('conceicao')).toEqual(['Conceição']);
    expect((await list({ q: 'sOuZa' })).total).toBe(1);
    expect(await search('ninguém')).toEqual([]);
  });

  it('searches the phone digits and the email partially', async () => {
    await makeLead({ name: 'João Silva', phone: '(11) 99998-1234', email: 'joao.silva@empresa.com.br' });
    await makeLead({ name: 'Maria Souza', phone: '+55 21 97777-6666', email: 'maria@outra.com' });
    expect(await search('99998')).toEqual(['João Silva']);
    expect(await search('99998-12')).toEqual(['João Silva']);
    expect(await search('(21) 9777')).toEqual(['Maria Souza']);
    expect(await search('EMPRESA.com')).toEqual(['João Silva']);
    expect(await search('@outra')).toEqual(['Maria Souza']);
    // Fewer than 3 digits do not search the phone.
    expect(await search('55')).toEqual([]);
  });

  it('takes LIKE wildcards in the search literally', async () => {
    await makeLead({ name: 'Ana', email: 'ana_lima@email.com' });
    await makeLead({ name: 'Bia', email: 'bia@email.com' });
    expect(await search('%')).toEqual([]);
    expect(await search('a_l')).toEqual(['Ana']);
    expect(await search('_li')).toEqual(['Ana']);
    expect(await search('\\')).toEqual([]);
  });

  it('matches one or two characters at the start of names and e-mails only (a bounded search)', async () => {
    await makeLead({ name: 'Ana Paula', email: 'contato@loja.com' });
    await makeLead({ name: 'Juliana', email: 'ju@loja.com' });
    await makeLead({ name: 'Érica', email: 'erica@loja.com' });
    expect(await search('an')).toEqual(['Ana Paula']);
    expect(await search('ju')).toEqual(['Juliana']);
    expect(await search('e')).toEqual(['Érica']);
    expect(await search('c')).toEqual(['Ana Paula']); // by e-mail
    // From three characters on, anywhere: Juliana contains "ana".
    expect((await search('ana')).sort()).toEqual(['Ana Paula', 'Juliana']);
  });

  it('shows a lead with its conversation and its tickets, newest first', async () => {
    const [first, second] = (await t.http.get('/api/v1/stages').set(owner.bearer).expect(200)).body.items as [
      StageItem,
      StageItem,
      StageItem,
    ];
    const phone = uniquePhone();
    const older = await createTicket(t, owner, { lead: { name: 'João Silva', phone, email: 'joao@email.com' } });
    const newer = await createTicket(t, owner, { lead: { phone }, ticket: { stageId: second.id, dealValue: 1500.5 } });
    await makeLead({ name: 'Outro', phone: uniquePhone() });

    const res = await t.http.get(`/api/v1/leads/${older.leadId}`).set(owner.bearer).expect(200);
    expect(res.body).toEqual({
      id: older.leadId,
      name: 'João Silva',
      phone,
      email: 'joao@email.com',
      ticketsCount: 2,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      conversations: [
        {
          id: older.conversation.id,
          instance: {
            id: older.conversation.instance.id,
            name: 'Atendimento',
            phoneNumber: '+5511912345678',
            provider: 'evolution',
          },
          lastMessageAt: null,
          createdAt: expect.any(String),
        },
      ],
      tickets: [
        {
          id: newer.id,
          status: 'open',
          stage: { id: second.id, name: 'Em Andamento', color: second.color },
          dealValue: 1500.5,
          salesCount: 0,
          totalValue: 0,
          createdAt: newer.createdAt,
        },
        {
          id: older.id,
          status: 'open',
          stage: { id: first.id, name: 'Novo', color: first.color },
          dealValue: 0,
          salesCount: 0,
          totalValue: 0,
          createdAt: older.createdAt,
        },
      ],
    });
  });

  it('answers 404 for a missing lead and 400 for a malformed id', async () => {
    await t.http.get(`/api/v1/leads/${MISSING_ID}`).set(owner.bearer).expect(404);
    await patch(MISSING_ID, { name: 'X' }).expect(404);
    const bad = await t.http.get('/api/v1/leads/not-a-uuid').set(owner.bearer).expect(400);
    expect(bad.body.details[0].field).toBe('id');
  });

  it('updates name, phone and email with normalization, keeping the phone key in step', async () => {
    const id = await makeLead({ name: 'João', phone: uniquePhone() });
    await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const before = (await t.http.get(`/api/v1/leads/${id}`).set(owner.bearer).expect(200)).body as LeadItem;

    const res = await patch(id, { name: '  João Silva  ', phone: '(21) 98765-4321', email: ' Joao@Email.COM ' }).expect(
      200,
    );
    expect(res.body).toEqual({
      id,
      name: 'João Silva',
      phone: '+5521987654321',
      email: 'joao@email.com',
      ticketsCount: 1,
      createdAt: before.createdAt,
      updatedAt: expect.any(String),
    });
    expect(new Date(res.body.updatedAt as string).getTime()).toBeGreaterThanOrEqual(
      new Date(before.updatedAt).getTime(),
    );
    const [row] = await t.dataSource.query(`SELECT phone, phone_key, email FROM leads WHERE id = $1`, [id]);
    expect(row).toEqual({ phone: '+5521987654321', phone_key: '+552187654321', email: 'joao@email.com' });

    // The new phone identifies the lead, with or without the ninth digit.
    expect(await makeLead({ phone: '+55 21 8765-4321' })).toBe(id);
    expect(await makeLead({ email: 'JOAO@email.com' })).toBe(id);

    // Partial updates keep the other fields; an empty body changes nothing.
    const renamed = await patch(id, { name: 'J. Silva' }).expect(200);
    expect(renamed.body).toMatchObject({
      name: 'J. Silva',
      phone: '+5521987654321',
      email: 'joao@email.com',
      ticketsCount: 3,
    });
    expect((await patch(id, {}).expect(200)).body).toMatchObject({ name: 'J. Silva', phone: '+5521987654321' });

    // Setting its own phone (in another format, or without the ninth digit) or email is not a conflict.
    expect((await patch(id, { phone: '+55 21 8765-4321', email: 'joao@email.com' }).expect(200)).body.phone).toBe(
      '+552187654321',
    );
    const [after] = await t.dataSource.query(`SELECT phone, phone_key FROM leads WHERE id = $1`, [id]);
    expect(after).toEqual({ phone: '+552187654321', phone_key: '+552187654321' });
  });

  it('answers 409 naming the field when another lead has the phone or email', async () => {
    const id = await makeLead({ name: 'A', phone: uniquePhone(), email: 'a@email.com' });
    await makeLead({ name: 'B', phone: '+55 31 98888-7777', email: 'b@email.com' });

    const phone = await patch(id, { phone: '31988887777' }).expect(409);
    expect(phone.body).toMatchObject({ message: expect.stringContaining('phone'), details: [{ field: 'phone' }] });
    // The other lead's number without the ninth digit is the same person.
    expect((await patch(id, { phone: '+55 31 8888-7777' }).expect(409)).body.details[0].field).toBe('phone');
    const email = await patch(id, { email: 'B@Email.com' }).expect(409);
    expect(email.body).toMatchObject({ message: expect.stringContaining('email'), details: [{ field: 'email' }] });
    // Nothing was written, not even the valid name sent along.
    await patch(id, { name: 'Novo', email: 'b@email.com' }).expect(409);
    const lead = (await t.http.get(`/api/v1/leads/${id}`).set(owner.bearer).expect(200)).body as LeadItem;
    expect(lead).toMatchObject({ name: 'A', email: 'a@email.com' });
  });

  it('gives a contested phone or email to exactly one of many parallel updates, 409 naming the field for the rest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await makeLead({ name: `Lead ${i}`, phone: uniquePhone() }));
    for (const [field, value] of [
      ['phone', uniquePhone()],
      ['email', 'disputado@email.com'],
    ] as const) {
      const results = await Promise.all(ids.map((id) => patch(id, { [field]: value })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const conflicts = results.filter((r) => r.status !== 200);
      expect(conflicts.map((r) => r.status)).toEqual(Array(9).fill(409));
      for (const r of conflicts) {
        expect(r.body.code).toBe('already_exists');
        expect(r.body.details).toEqual([{ field, code: 'already_exists', message: expect.stringContaining(field) }]);
      }
    }
  });

  it('rejects invalid values with 400 naming the field', async () => {
    const id = await makeLead({ name: 'A', phone: uniquePhone(), email: 'a@email.com' });
    const expectField = async (body: Record<string, unknown>, field: string) => {
      const res = await patch(id, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await expectField({ phone: '123' }, 'phone');
    await expectField({ phone: 'abc' }, 'phone');
    await expectField({ phone: null }, 'phone');
    await expectField({ name: null }, 'name');
    await expectField({ name: 'x'.repeat(161) }, 'name');
    await expectField({ name: 42 }, 'name');
    await expectField({ email: 'nope' }, 'email');
    await expectField({ email: null }, 'email');
    await expectField({ organizationId: MISSING_ID }, 'organizationId');
    const invalid = await patch(id, { phone: '123' }).expect(400);
    expect(invalid.body.message).toContain('phone');
    const lead = (await t.http.get(`/api/v1/leads/${id}`).set(owner.bearer).expect(200)).body as LeadItem;
    expect(lead).toMatchObject({ name: 'A', email: 'a@email.com' });
  });

  it("keeps another organization's leads out of reach", async () => {
    const other = await registerAccount(t);
    await createInstance(t, other);
    const foreign = await makeLead({ name: 'João Silva', phone: uniquePhone(), email: 'joao@email.com' }, other);
    const mine = await makeLead({ name: 'João Souza', phone: uniquePhone() });

    await t.http.get(`/api/v1/leads/${foreign}`).set(owner.bearer).expect(404);
    await patch(foreign, { name: 'Invasor' }).expect(404);
    const all = await list();
    expect(all.items.map((l) => l.id)).toEqual([mine]);
    expect(all.total).toBe(1);
    expect((await list({ q: 'joao' })).items.map((l) => l.id)).toEqual([mine]);
    // The other organization's phone and email are free in this one.
    await patch(mine, { email: 'joao@email.com' }).expect(200);
    const untouched = (await t.http.get(`/api/v1/leads/${foreign}`).set(other.bearer).expect(200)).body as LeadItem;
    expect(untouched.name).toBe('João Silva');
  });

  it('requires authentication', async () => {
    await t.http.get('/api/v1/leads').expect(401);
  });
});
