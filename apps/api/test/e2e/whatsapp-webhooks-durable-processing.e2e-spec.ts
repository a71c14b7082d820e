import { MAX_ATTEMPTS } from '../../src/modules/whatsapp/webhook-worker';
import { registerAccount } from '../support/fixtures';
import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudText, evolutionUpsert } from '../support/whatsapp-payloads';

describe('WhatsApp webhooks: durable processing', () => {
  const app = useWebhookFixture();

  describe('exactly once, under concurrency', () => {
    it('stores each message once: 10 sequential and 10 concurrent deliveries give one message and one ticket', async () => {
      const body = cloudText({ id: 'wamid.DUP', text: 'Quero comprar', waId: '5511977776666' });
      for (let i = 0; i < 10; i++) await app.postCloud(body).expect(200);
      await Promise.all(Array.from({ length: 10 }, () => app.postCloud(body).expect(200)));
      const worker = app.worker;
      await Promise.all([worker.drain(), worker.drain(), worker.drain()]);
      expect(await app.orgCount('whatsapp_messages')).toBe(1);
      expect(await app.orgCount('tickets')).toBe(1);
      expect((await app.tickets())[0].messagesCount).toBe(1);
      const statuses = await app.sql(
        `SELECT status, count(*)::int AS n FROM webhook_events WHERE organization_id = $1 GROUP BY status`,
        [app.owner.organizationId],
      );
      expect(statuses).toEqual([{ status: 'processed', n: 20 }]);
    });

    it('opens one ticket when a new lead sends several messages at once', async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          app.postCloud(cloudText({ id: `wamid.BURST${i}`, text: `Mensagem ${i}`, waId: '5511955554444' })).expect(200),
        ),
      );
      const worker = app.worker;
      await Promise.all([worker.drain(), worker.drain()]);
      expect(await app.orgCount('tickets')).toBe(1);
      expect((await app.tickets())[0].messagesCount).toBe(8);
    });
  });

  describe('failures and retries', () => {
    it('fails an event whose instance was deleted, keeps it retryable, and goes on with the others', async () => {
      await app.postEvolution(evolutionUpsert({ id: 'EV-GONE' })).expect(200);
      await app.http.delete(`/api/v1/whatsapp-instances/${app.evolution.id}`).set(app.owner.bearer).expect(204);
      await app.postCloud(cloudText({ id: 'wamid.OK', text: 'Oi' })).expect(200);
      await app.drain();
      const list = (await app.http.get('/api/v1/webhook-events').set(app.owner.bearer).expect(200)).body;
      const failed = list.items.find((e: { status: string }) => e.status === 'failed');
      expect(failed).toMatchObject({
        provider: 'evolution',
        attempts: 1,
        lastError: expect.stringContaining('no longer exists'),
      });
      expect(list.items.find((e: { provider: string }) => e.provider === 'cloud_api')).toMatchObject({
        status: 'processed',
      });
      const retried = (
        await app.http.post(`/api/v1/webhook-events/${failed.id}/retry`).set(app.owner.bearer).expect(200)
      ).body;
      expect(retried).toMatchObject({ id: failed.id, status: 'failed', attempts: 1 });
      expect(
        (await app.http.get('/api/v1/webhook-events').query({ status: 'failed' }).set(app.owner.bearer).expect(200))
          .body.total,
      ).toBe(1);
    });

    it('schedules a retry after a transient error and reprocesses the event once the bug is fixed', async () => {
      await app.sql(
        `CREATE FUNCTION fail_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated bug'; END $$`,
      );
      await app.sql(
        `CREATE TRIGGER fail_messages BEFORE INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION fail_messages()`,
      );
      try {
        await app.postCloud(cloudText({ id: 'wamid.BUG', text: 'Oi' })).expect(200);
        await app.drain();
        const [event] = await app.sql(
          `SELECT id, status, attempts, last_error, next_attempt_at > now() AS later FROM webhook_events WHERE body::text LIKE '%wamid.BUG%'`,
        );
        expect(event).toMatchObject({
          status: 'pending',
          attempts: 1,
          later: true,
          last_error: expect.stringContaining('simulated bug'),
        });
        expect(await app.orgCount('tickets')).toBe(0);
        expect(await app.orgCount('leads')).toBe(0);
        await app.sql('DROP TRIGGER fail_messages ON whatsapp_messages');
        const retried = (
          await app.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(app.owner.bearer).expect(200)
        ).body;
        expect(retried).toMatchObject({ status: 'processed', lastError: null });
        expect(await app.orgCount('whatsapp_messages')).toBe(1);
      } finally {
        await app.sql('DROP TRIGGER IF EXISTS fail_messages ON whatsapp_messages');
        await app.sql('DROP FUNCTION IF EXISTS fail_messages()');
      }
    });

    it('backs off between the attempts of an event that keeps failing and fails it after the last one', async () => {
      await app.sql(
        `CREATE FUNCTION fail_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated outage'; END $$`,
      );
      await app.sql(
        `CREATE TRIGGER fail_messages BEFORE INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION fail_messages()`,
      );
      try {
        await app.postCloud(cloudText({ id: 'wamid.STUBBORN', text: 'Oi' })).expect(200);
        const event = () =>
          app.sql(
            `SELECT status, attempts, last_error, extract(epoch FROM next_attempt_at - updated_at)::float AS delay
             FROM webhook_events WHERE body::text LIKE '%wamid.STUBBORN%'`,
          );
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          expect(await app.drain()).toBe(1);
          const [e] = await event();
          expect(e).toMatchObject({
            status: attempt < MAX_ATTEMPTS ? 'pending' : 'failed',
            attempts: attempt,
            last_error: expect.stringContaining('simulated outage'),
          });
          // 5 s, 10 s, 20 s… with up to a fifth taken off at random.
          const backoff = 5 * 2 ** (attempt - 1);
          expect(e.delay).toBeGreaterThan(backoff * 0.8 - 1);
          expect(e.delay).toBeLessThan(backoff + 1);
          expect(await app.drain()).toBe(0);
          await app.sql(
            `UPDATE webhook_events SET next_attempt_at = now() - interval '1 second' WHERE body::text LIKE '%wamid.STUBBORN%'`,
          );
        }
        expect(await app.drain()).toBe(0);
        expect(await app.orgCount('whatsapp_messages')).toBe(0);
      } finally {
        await app.sql('DROP TRIGGER IF EXISTS fail_messages ON whatsapp_messages');
        await app.sql('DROP FUNCTION IF EXISTS fail_messages()');
      }
    });

    it('applies a batch around one failing event: the others are stored and counted, the bad one is retried', async () => {
      await app.sql(
        `CREATE FUNCTION fail_boom() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.body = 'boom' THEN RAISE EXCEPTION 'simulated bad event'; END IF; RETURN NEW; END $$`,
      );
      await app.sql(
        `CREATE TRIGGER fail_boom BEFORE INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION fail_boom()`,
      );
      try {
        const leads = ['5511911110001', '5511911110002', '5511911110003'];
        // Six messages, the bad one (a new lead) in the middle; one pass claims them all as one batch.
        for (let i = 0; i < 6; i++) {
          const text = i === 3 ? 'boom' : `Mensagem ${i}`;
          const waId = i === 3 ? '5511911119999' : leads[i % 3];
          await app.postCloud(cloudText({ id: `wamid.BATCH${i}`, text, waId, timestamp: 1767268800 + i })).expect(200);
        }
        expect(await app.drain()).toBe(6);
        const events = await app.sql(
          `SELECT status, attempts, last_error FROM webhook_events WHERE organization_id = $1 ORDER BY received_at`,
          [app.owner.organizationId],
        );
        expect(events.map((e: { status: string }) => e.status)).toEqual([
          'processed',
          'processed',
          'processed',
          'pending',
          'processed',
          'processed',
        ]);
        expect(events[3]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('simulated bad event') });
        expect(await app.orgCount('whatsapp_messages')).toBe(5);
        expect(await app.orgCount('leads')).toBe(3);
        const counts = await app.sql(`SELECT messages_count FROM tickets WHERE organization_id = $1 ORDER BY 1`, [
          app.owner.organizationId,
        ]);
        expect(counts).toEqual([{ messages_count: 1 }, { messages_count: 2 }, { messages_count: 2 }]);
      } finally {
        await app.sql('DROP TRIGGER IF EXISTS fail_boom ON whatsapp_messages');
        await app.sql('DROP FUNCTION IF EXISTS fail_boom()');
      }
    });

    it('limits the event log to admins of the organization', async () => {
      await app.postEvolution(evolutionUpsert({ id: 'EV-ADMIN' })).expect(200);
      await app.drain();
      const [event] = await app.sql(`SELECT id FROM webhook_events WHERE organization_id = $1`, [
        app.owner.organizationId,
      ]);
      const other = await registerAccount(app.t);
      expect((await app.http.get('/api/v1/webhook-events').set(other.bearer).expect(200)).body.total).toBe(0);
      await app.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(other.bearer).expect(404);
      const agentEmail = `agent.${Date.now()}@example.com`;
      await app.http
        .post('/api/v1/users')
        .set(app.owner.bearer)
        .send({ name: 'Agente', email: agentEmail, password: 'senha-forte-123' })
        .expect(201);
      const login = (
        await app.http.post('/api/v1/auth/login').send({ email: agentEmail, password: 'senha-forte-123' }).expect(200)
      ).body;
      await app.http.get('/api/v1/webhook-events').set('Authorization', `Bearer ${login.accessToken}`).expect(403);
    });
  });
});
