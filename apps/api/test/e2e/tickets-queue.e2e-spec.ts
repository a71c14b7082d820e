import { addUser, createApiKey, listStages, registerAccount, type Account } from '../support/fixtures';
import { cloudMedia } from '../support/media-payloads';
import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudImage, cloudText, evolutionUpsert } from '../support/whatsapp-payloads';

type Item = Record<string, any>;

/** 2026-01-01T12:00:00Z, the payloads' default message time (seconds). */
const T0 = 1767268800;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('Ticket queue: last message, unread and waiting', () => {
  const app = useWebhookFixture();

  const list = async (
    query: Record<string, unknown>,
    as: { Authorization: string } | { 'X-API-Key': string } = app.owner.bearer,
  ) =>
    (await app.http.get('/api/v1/tickets').query(query).set(as).expect(200)).body as { items: Item[]; total: number };
  const markRead = (id: string, as: Account = app.owner) => app.http.post(`/api/v1/tickets/${id}/read`).set(as.bearer);
  const views = async (as: { Authorization: string } | { 'X-API-Key': string } = app.owner.bearer) =>
    (await app.http.get('/api/v1/tickets/views').set(as).expect(200)).body;

  it("counts a lead's messages as unread and waiting since the first; a reply clears waiting, a read clears unread for everyone", async () => {
    await app.receive(
      'evolution',
      evolutionUpsert({ id: 'EV1', text: 'Oi', timestamp: T0 }),
      evolutionUpsert({ id: 'EV2', text: 'Quero saber o preço', timestamp: T0 + 60 }),
    );
    const [ticket] = await app.tickets();
    const queue = {
      unreadCount: 2,
      waitingSince: iso(T0),
      lastMessageAt: iso(T0 + 60),
      lastMessagePreview: 'Quero saber o preço',
      lastMessageType: 'text',
      lastMessageDirection: 'in',
    };
    expect(ticket).toMatchObject(queue);
    expect(await app.detail(ticket.id)).toMatchObject(queue);

    // The business answers from its phone (Evolution fromMe): an outbound message on the same ticket.
    await app.receive(
      'evolution',
      evolutionUpsert({ id: 'EV3', fromMe: true, text: 'Custa R$ 10', timestamp: T0 + 120 }),
    );
    expect((await app.tickets())[0]).toMatchObject({
      unreadCount: 2,
      waitingSince: null,
      lastMessageAt: iso(T0 + 120),
      lastMessagePreview: 'Custa R$ 10',
      lastMessageDirection: 'out',
      messagesCount: 3,
    });

    const agent = await addUser(app.t, app.owner);
    await markRead(ticket.id, agent).expect(204);
    await markRead(ticket.id, agent).expect(204); // again: nothing left to clear
    expect((await app.tickets())[0].unreadCount).toBe(0);
    const seen = (await app.http.get(`/api/v1/tickets/${ticket.id}`).set(agent.bearer).expect(200)).body;
    expect(seen.unreadCount).toBe(0);
    const [{ last_read_at: readAt }] = await app.sql('SELECT last_read_at FROM tickets WHERE id = $1', [ticket.id]);
    expect(readAt).toBeInstanceOf(Date);

    await app.receive('evolution', evolutionUpsert({ id: 'EV4', text: 'Pode ser amanhã?', timestamp: T0 + 180 }));
    expect((await app.tickets())[0]).toMatchObject({ unreadCount: 1, waitingSince: iso(T0 + 180) });
  });

  it('previews media by a pt-BR label, or its icon and caption, on one line of at most 140 characters', async () => {
    const media = { mime_type: 'image/jpeg', sha256: 'f3c1', id: '1479537139650973' };
    await app.receive('cloud', cloudMedia({ id: 'wamid.Q1', timestamp: T0 }, 'image', media));
    const [ticket] = await app.tickets();
    expect(ticket).toMatchObject({ lastMessagePreview: '📷 Foto', lastMessageType: 'image', unreadCount: 1 });

    await app.receive('cloud', cloudImage({ id: 'wamid.Q2', caption: 'Olha  essa\ncor', timestamp: T0 + 1 }));
    expect((await app.tickets())[0].lastMessagePreview).toBe('📷 Olha essa cor');

    await app.receive('cloud', cloudMedia({ id: 'wamid.Q3', timestamp: T0 + 2 }, 'audio', { ...media, voice: true }));
    expect((await app.tickets())[0].lastMessagePreview).toBe('🎤 Áudio');

    const long = 'á'.repeat(200);
    await app.receive('cloud', cloudText({ id: 'wamid.Q4', text: long, timestamp: T0 + 3 }));
    expect((await app.tickets())[0]).toMatchObject({ lastMessagePreview: long.slice(0, 140), unreadCount: 4 });
  });

  it('keeps the newest message as the last one and answers waiting by time when deliveries arrive out of order', async () => {
    await app.receive('evolution', evolutionUpsert({ id: 'EL1', text: 'Segunda', timestamp: T0 + 60 }));
    // A reply sent before the lead's message, delivered after it: the lead still waits.
    await app.receive('evolution', evolutionUpsert({ id: 'EL2', fromMe: true, text: 'Antes', timestamp: T0 + 30 }));
    let [ticket] = await app.tickets();
    expect(ticket).toMatchObject({
      waitingSince: iso(T0 + 60),
      lastMessageAt: iso(T0 + 60),
      lastMessagePreview: 'Segunda',
      lastMessageDirection: 'in',
    });
    // A lead's message older than the reply: answered by it, so the wait still starts after the reply.
    await app.receive('evolution', evolutionUpsert({ id: 'EL3', text: 'Primeira', timestamp: T0 }));
    [ticket] = await app.tickets();
    expect(ticket).toMatchObject({ waitingSince: iso(T0 + 60), lastMessagePreview: 'Segunda', unreadCount: 2 });
  });

  describe('sorts, filters and views', () => {
    const ids: Record<string, string> = {};
    const names = (body: { items: Item[] }) => body.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));
    let agent: Account;

    /**
     * A waits since T0 (the longest); B since T0+100, its last message at T0+200 (the newest); C was answered (last
     * message T0+150); D has no message at all. A is the agent's, B the owner's.
     */
    beforeEach(async () => {
      await app.receive(
        'cloud',
        cloudText({ id: 'wamid.A1', waId: '5511911110001', name: 'Ana', text: 'Oi', timestamp: T0 }),
        cloudText({ id: 'wamid.B1', waId: '5511911110002', name: 'Bruno', text: 'Olá', timestamp: T0 + 100 }),
        cloudText({ id: 'wamid.B2', waId: '5511911110002', name: 'Bruno', text: 'Alguém?', timestamp: T0 + 200 }),
      );
      await app.receive(
        'evolution',
        evolutionUpsert({ id: 'EC1', text: 'Bom dia', timestamp: T0 + 50 }),
        evolutionUpsert({ id: 'EC2', fromMe: true, text: 'Bom dia!', timestamp: T0 + 150 }),
      );
      const d = await app.http
        .post('/api/v1/tickets')
        .set(app.owner.bearer)
        .send({ lead: { name: 'Davi', phone: '+5511911110004' } })
        .expect(201);
      for (const item of await app.tickets()) {
        const key = { Ana: 'A', Bruno: 'B', 'Maria Souza': 'C', Davi: 'D' }[item.leadName as string]!;
        ids[key] = item.id;
      }
      expect(ids.D).toBe(d.body.id);
      agent = await addUser(app.t, app.owner);
      for (const [key, user] of [
        ['A', agent],
        ['B', app.owner],
      ] as const) {
        await app.http
          .patch(`/api/v1/tickets/${ids[key]}`)
          .set(app.owner.bearer)
          .send({ assigneeId: user.userId })
          .expect(200);
      }
    });

    it('sorts by waiting time (longest first) and by last activity (none last), page by page across the nulls', async () => {
      const waiting = names(await list({ sort: 'waitingSince' }));
      expect(waiting.slice(0, 2)).toEqual(['A', 'B']);
      expect(waiting.slice(2).sort()).toEqual(['C', 'D']);
      expect(names(await list({ sort: '-lastMessageAt' }))).toEqual(['B', 'C', 'A', 'D']);

      for (const sort of ['waitingSince', '-lastMessageAt']) {
        const all = names(await list({ sort }));
        for (const pageSize of [1, 3]) {
          const paged: unknown[] = [];
          for (let page = 1; page <= Math.ceil(4 / pageSize) + 1; page++) {
            paged.push(...names(await list({ sort, pageSize, page })));
          }
          expect(paged).toEqual(all);
          // Read again: the remembered page starts (a seek across the null boundary) give the same pages.
          const again: unknown[] = [];
          for (let page = 1; page <= Math.ceil(4 / pageSize); page++) {
            again.push(...names(await list({ sort, pageSize, page })));
          }
          expect(again).toEqual(all);
        }
      }
    });

    it('filters waiting, unread, status and assigneeId=me (an API key: its creator)', async () => {
      const sorted = async (query: Record<string, unknown>, as?: { Authorization: string } | { 'X-API-Key': string }) =>
        names(await list({ sort: 'createdAt', ...query }, as)).sort();
      expect(await sorted({ waiting: true })).toEqual(['A', 'B']);
      expect(await sorted({ waiting: false })).toEqual(['C', 'D']);
      expect(await sorted({ unread: true })).toEqual(['A', 'B', 'C']);
      expect(await sorted({ unread: false })).toEqual(['D']);
      expect(await sorted({ assigneeId: 'me' })).toEqual(['B']);
      expect(await sorted({ assigneeId: 'me' }, agent.bearer)).toEqual(['A']);
      expect(await sorted({ assigneeId: 'me', waiting: true, unread: true })).toEqual(['B']);
      const key = await createApiKey(app.t, app.owner, 'CRM', ['read']);
      expect(await sorted({ assigneeId: 'me' }, { 'X-API-Key': key.key })).toEqual(['B']);
      expect((await list({ waiting: true })).total).toBe(2);

      await markRead(ids.B!).expect(204);
      expect(await sorted({ unread: true })).toEqual(['A', 'C']);
      const closed = (await listStages(app.t, app.owner)).find((s) => s.isClosed)!;
      await app.http.patch(`/api/v1/tickets/${ids.A}`).set(app.owner.bearer).send({ stageId: closed.id }).expect(200);
      expect(await sorted({ status: 'open' })).toEqual(['B', 'C', 'D']);
      expect(await sorted({ status: 'closed' })).toEqual(['A']);
    });

    it("counts the views over the organization's open tickets", async () => {
      expect(await views()).toEqual({ mine: 1, unassigned: 2, waiting: 2, unread: 3 });
      expect(await views(agent.bearer)).toEqual({ mine: 1, unassigned: 2, waiting: 2, unread: 3 });
      const key = await createApiKey(app.t, app.owner, 'CRM', ['read']);
      expect((await views({ 'X-API-Key': key.key })).mine).toBe(1);

      await markRead(ids.C!).expect(204);
      const closed = (await listStages(app.t, app.owner)).find((s) => s.isClosed)!;
      await app.http.patch(`/api/v1/tickets/${ids.A}`).set(app.owner.bearer).send({ stageId: closed.id }).expect(200);
      expect(await views()).toEqual({ mine: 1, unassigned: 2, waiting: 1, unread: 1 });
      expect((await views(agent.bearer)).mine).toBe(0);

      const other = await registerAccount(app.t, 'Outra Loja');
      expect(await views(other.bearer)).toEqual({ mine: 0, unassigned: 0, waiting: 0, unread: 0 });
    });

    it("answers 404 for another organization's ticket and 400 for bad values", async () => {
      const other = await registerAccount(app.t, 'Outra Loja');
      await markRead(ids.A!, other).expect(404);
      await markRead('00000000-0000-4000-8000-000000000009').expect(404);
      await markRead('not-a-uuid').expect(400);
      expect((await app.tickets()).find((i) => i.id === ids.A).unreadCount).toBe(1);
      expect((await list({ assigneeId: 'me' }, other.bearer)).items).toEqual([]);

      const readOnly = await createApiKey(app.t, app.owner, 'BI', ['read']);
      await app.http.post(`/api/v1/tickets/${ids.A}/read`).set('X-API-Key', readOnly.key).expect(403);
      const writer = await createApiKey(app.t, app.owner, 'CRM', ['tickets']);
      await app.http.post(`/api/v1/tickets/${ids.A}/read`).set('X-API-Key', writer.key).expect(204);

      for (const query of [
        { sort: 'lastMessageAt' },
        { sort: '-waitingSince' },
        { waiting: 'yes' },
        { unread: '1' },
        { assigneeId: 'myself' },
        { status: 'pending' },
      ]) {
        const res = await app.http.get('/api/v1/tickets').query(query).set(app.owner.bearer);
        expect([res.status, Object.keys(query)[0]]).toEqual([400, Object.keys(query)[0]]);
      }
    });
  });
});
