import type { JobLease } from '../../src/common/jobs/job-queue';
import { Db } from '../../src/database/db';
import { WebhookEventsRepository } from '../../src/modules/whatsapp/webhook-events.repository';
import { APP_SECRET, useWebhookFixture } from '../support/webhook-fixture';
import { cloudText, evolutionUpsert } from '../support/whatsapp-payloads';
import { metaSignature } from '../../src/modules/whatsapp/signature';

/** Odd bytes and odd fields from a provider never cost a message; forged signatures never get in. */
describe('WhatsApp webhooks: hostile and odd input', () => {
  const app = useWebhookFixture();

  const events = () =>
    app.sql(`SELECT status, attempts, last_error FROM webhook_events WHERE organization_id = $1`, [
      app.owner.organizationId,
    ]);
  const messages = () =>
    app.sql(
      `SELECT m.provider_message_id, m.type, m.body, m.sent_at, l.name, l.phone, l.wa_user_id
       FROM whatsapp_messages m
       JOIN whatsapp_conversations c ON c.organization_id = m.organization_id AND c.id = m.conversation_id
       JOIN leads l ON l.organization_id = c.organization_id AND l.id = c.lead_id
       WHERE m.organization_id = $1`,
      [app.owner.organizationId],
    );

  it('stores and delivers a Cloud API message whose text holds NUL and a lone surrogate', async () => {
    await app.postCloud(cloudText({ id: 'wamid.NUL', text: 'oi\u0000 tudo \ud800bem' })).expect(200);
    await app.drain();
    expect(await events()).toEqual([{ status: 'processed', attempts: 1, last_error: null }]);
    expect((await messages())[0].body).toBe('oi tudo \ufffdbem');
  });

  it('stores and delivers an Evolution message with NUL in the push name', async () => {
    await app.postEvolution(evolutionUpsert({ id: 'EVO-NUL', pushName: 'Ma\u0000ria' })).expect(200);
    await app.drain();
    expect((await messages())[0].name).toBe('Maria');
  });

  it('keeps messages whose fields exceed their columns: long ids, types and names, bad numbers, absurd times', async () => {
    const long = cloudText({ id: `wamid.${'x'.repeat(300)}`, text: 'longo', name: 'N'.repeat(300) });
    const message = (long.entry as any)[0].changes[0].value.messages[0];
    message.type = 'text';
    message.timestamp = '99999999999999999999';
    await app.postCloud(long).expect(200);
    const odd = cloudText({ id: 'wamid.ODD', text: 'tipo estranho', waId: '5511977776666' });
    (odd.entry as any)[0].changes[0].value.messages[0].type = 't'.repeat(50);
    await app.postCloud(odd).expect(200);
    await app.postCloud(cloudText({ id: 'wamid.JUNK', text: 'número?', waId: 'not-a-number' })).expect(200);
    await app.postCloud(cloudText({ id: 'wamid.FOREIGN', text: 'hi', waId: '999123456789' })).expect(200);
    await app.drain();
    expect((await events()).map((e: { status: string }) => e.status)).toEqual(Array(4).fill('processed'));
    const stored = await messages();
    expect(stored).toHaveLength(4);
    const byBody = Object.fromEntries(stored.map((m: { body: string | null }) => [m.body ?? 'no body', m])) as Record<
      string,
      any
    >;
    expect(byBody.longo.provider_message_id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect([...byBody.longo.name]).toHaveLength(160);
    expect(Math.abs(new Date(byBody.longo.sent_at).getTime() - Date.now())).toBeLessThan(600_000);
    // An unknown type has no text to show; it is stored all the same, its type cut to the column.
    expect(byBody['no body'].type).toHaveLength(32);
    expect(byBody['número?']).toMatchObject({ phone: null, wa_user_id: 'wa_id:not-a-number' });
    // Not a number libphonenumber knows, but what WhatsApp says the number is.
    expect(byBody.hi.phone).toBe('+999123456789');
    // A redelivery of the long-id message is still recognised as the same message.
    await app.postCloud(long).expect(200);
    await app.drain();
    expect(await messages()).toHaveLength(4);
  });

  it('rejects a message that can never succeed at once, keeping its reason, instead of retrying it for minutes', async () => {
    const nobody = cloudText({ id: 'wamid.NOBODY', text: 'sem remetente', waId: null });
    delete (nobody.entry as any)[0].changes[0].value.contacts;
    await app.postCloud(nobody).expect(200);
    await app.drain();
    // Rejected on its own (its savepoint rolled back), listed on the event; the event is not retried by itself.
    expect(await events()).toEqual([{ status: 'partial', attempts: 1, last_error: null }]);
    const [row] = await app.sql(`SELECT rejections FROM webhook_events WHERE organization_id = $1`, [
      app.owner.organizationId,
    ]);
    expect(row.rejections).toEqual([
      expect.objectContaining({
        providerMessageId: 'wamid.NOBODY',
        reason: expect.stringContaining('names no sender'),
      }),
    ]);
  });

  it('refuses a signature with anything after its 64 hex digits, or two signature headers', async () => {
    const body = cloudText({ id: 'wamid.SIG', text: 'assinado' });
    const good = metaSignature(JSON.stringify(body), APP_SECRET);
    await app.postCloud(body, `${good}zz`).expect(401);
    await app.postCloud(body, `${good},${good}`).expect(401);
    await app.postCloud(body, good.toUpperCase().replace('SHA256=', 'sha256=')).expect(200);
  });
});

describe('WhatsApp webhooks: a worker that dies holding events', () => {
  const app = useWebhookFixture({ WEBHOOK_LEASE_SECONDS: '1' });
  const lease = (seconds: number): JobLease => {
    const now = new Date();
    return { now, until: new Date(now.getTime() + seconds * 1000) };
  };
  // Another worker: the job queue of webhook_events, driven by hand.
  const claimDueEvents = (limit: number, seconds: number) =>
    app.t.app.get(WebhookEventsRepository).claim(app.t.app.get(Db), limit, lease(seconds));
  const renewLeases = (ids: string[], seconds: number) =>
    app.t.app.get(WebhookEventsRepository).renewLeases(app.t.app.get(Db), ids, lease(seconds));

  it('gives its events to another worker once the lease runs out, not five minutes later', async () => {
    await app.postCloud(cloudText({ id: 'wamid.ORPHAN', text: 'órfã' })).expect(200);
    // A worker claims the event, then dies: it never finishes nor renews its lease.
    const [claimed] = await claimDueEvents(10, 1);
    expect(claimed).toBeDefined();
    expect(await app.drain()).toBe(0); // still leased
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await app.drain()).toBe(1);
    const [event] = await app.sql(`SELECT status, attempts FROM webhook_events WHERE id = $1`, [claimed.id]);
    expect(event).toEqual({ status: 'processed', attempts: 2 });
  });

  it('keeps the events of a worker that renews its lease (heartbeat) away from the others', async () => {
    await app.postCloud(cloudText({ id: 'wamid.SLOW', text: 'lenta' })).expect(200);
    const [claimed] = await claimDueEvents(10, 1);
    for (let beat = 0; beat < 3; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await renewLeases([claimed.id], 1);
      expect(await app.drain()).toBe(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await app.drain()).toBe(1);
  });
});
