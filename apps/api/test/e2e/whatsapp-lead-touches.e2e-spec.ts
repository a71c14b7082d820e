import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudReferral, cloudText, evolutionUpsert } from '../support/whatsapp-payloads';

/** A returning lead's new ad click is recorded, never dropped; only ads are paid. */
describe('WhatsApp webhooks: attribution on a returning lead', () => {
  const app = useWebhookFixture();

  /** A Cloud API referral as Meta sends it, with another ad (source_id, ctwa_clid) or a post's source_type. */
  function referral(o: { id: string; timestamp: number; ctwaClid: string; adId?: string; sourceType?: string }) {
    const body = cloudReferral({ id: o.id, text: 'Vi o anúncio', ctwaClid: o.ctwaClid, timestamp: o.timestamp });
    const ref = (body.entry as any)[0].changes[0].value.messages[0].referral;
    if (o.adId) ref.source_id = o.adId;
    if (o.sourceType) ref.source_type = o.sourceType;
    return body;
  }

  it('records a new ad click on the open ticket as its latest touch, leaving its attribution as it was', async () => {
    await app.postCloud(referral({ id: 'wamid.AD1', timestamp: 1767268800, ctwaClid: 'CLID-FIRST' })).expect(200);
    await app.drain();
    await app.postCloud(cloudText({ id: 'wamid.CHAT', text: 'obrigado', timestamp: 1767268900 })).expect(200);
    // Eight days later the same lead taps another ad: still one open ticket.
    const later = 1767268800 + 8 * 86400;
    await app
      .postCloud(referral({ id: 'wamid.AD2', timestamp: later, ctwaClid: 'CLID-SECOND', adId: '120299999999990000' }))
      .expect(200);
    await app.drain();

    const tickets = await app.tickets();
    expect(tickets).toHaveLength(1);
    const detail = await app.detail(tickets[0].id);
    expect(detail.sourceType).toBe('paid');
    expect(detail.tracking).toMatchObject({ adId: '120212345678900000', identifiers: { ctwaclid: 'CLID-FIRST' } });
    expect(detail.touches).toEqual([
      expect.objectContaining({
        kind: 'ctwa_referral',
        platform: 'meta_ads',
        sourceType: 'ad',
        clickIds: { ctwaclid: 'CLID-FIRST' },
        adId: '120212345678900000',
        headline: 'Tênis de corrida com 30% off',
        providerMessageId: 'wamid.AD1',
        touchedAt: new Date(1767268800 * 1000).toISOString(),
      }),
      expect.objectContaining({
        kind: 'ctwa_referral',
        clickIds: { ctwaclid: 'CLID-SECOND' },
        adId: '120299999999990000',
        providerMessageId: 'wamid.AD2',
        touchedAt: new Date(later * 1000).toISOString(),
      }),
    ]);
    // The lead's history, as reports read it (by lead, in time order).
    const history = await app.sql(
      `SELECT lt.click_ids->>'ctwaclid' AS clid, lt.ticket_id FROM lead_touches lt
       WHERE lt.organization_id = $1 AND lt.lead_id = $2 ORDER BY lt.touched_at`,
      [app.owner.organizationId, detail.leadId],
    );
    expect(history).toEqual([
      { clid: 'CLID-FIRST', ticket_id: detail.id },
      { clid: 'CLID-SECOND', ticket_id: detail.id },
    ]);

    // A redelivery of the ad message records nothing twice.
    await app
      .postCloud(referral({ id: 'wamid.AD2', timestamp: later, ctwaClid: 'CLID-SECOND', adId: '120299999999990000' }))
      .expect(200);
    await app.drain();
    expect(await app.orgCount('lead_touches')).toBe(2);
  });

  it('keeps a referral from a post organic (still Meta for reports), for both providers', async () => {
    await app.postCloud(
      referral({ id: 'wamid.POST', timestamp: 1767268800, ctwaClid: 'CLID-POST', sourceType: 'post' }),
    );
    // Baileys' ExternalAdReplyInfo carries sourceType the same way ('ad' | 'post').
    await app.postEvolution(
      evolutionUpsert({
        id: 'EVO-POST',
        remoteJid: '5521977776666@s.whatsapp.net',
        externalAdReply: { ctwaClid: 'EVO-CLID', sourceId: '987', sourceUrl: 'https://fb.me/post', title: 'Post' },
      }),
    );
    await app.sql(
      `UPDATE webhook_events SET body = jsonb_set(body, '{data,contextInfo,externalAdReply,sourceType}', '"post"')
       WHERE provider = 'evolution' AND organization_id = $1`,
      [app.owner.organizationId],
    );
    await app.drain();
    const tickets = await app.tickets();
    expect(tickets).toHaveLength(2);
    for (const ticket of tickets) {
      expect(ticket).toMatchObject({ sourceType: 'organic', platform: 'meta_ads' });
      const detail = await app.detail(ticket.id);
      expect(detail.touches).toEqual([expect.objectContaining({ kind: 'ctwa_referral', sourceType: 'post' })]);
    }
  });

  it('records a tracking-link click of a returning lead on the open ticket, with its UTMs and click ids', async () => {
    await app.postCloud(cloudText({ id: 'wamid.FIRST', text: 'oi', timestamp: 1767268800 })).expect(200);
    await app.drain();
    const link = (
      await app.http
        .post('/api/v1/tracking-links')
        .set(app.owner.bearer)
        .send({ instanceId: app.cloud.id, name: 'Google - Tênis', message: 'Quero o tênis' })
        .expect(201)
    ).body;
    const click = await app.http
      .get(`/t/${link.slug}`)
      .query({ utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'volta', gclid: 'Cj0-returning' })
      .expect(302);
    const text = new URL(click.headers.location as string).searchParams.get('text')!;
    await app.postCloud(cloudText({ id: 'wamid.BACK', text, timestamp: Math.floor(Date.now() / 1000) })).expect(200);
    await app.drain();
    const [ticket] = await app.tickets();
    const detail = await app.detail(ticket.id);
    expect(detail.sourceType).toBe('organic');
    expect(detail.touches).toEqual([
      expect.objectContaining({
        kind: 'tracking_link',
        utmSource: 'google',
        utmCampaign: 'volta',
        clickIds: { gclid: 'Cj0-returning' },
        providerMessageId: 'wamid.BACK',
      }),
    ]);
  });
});
