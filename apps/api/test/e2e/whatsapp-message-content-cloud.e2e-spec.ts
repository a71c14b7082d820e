import {
  CLOUD_LEAD,
  cloudButtonReply,
  cloudContactsMessage,
  cloudDeletedStatus,
  cloudDocumentMessage,
  cloudFlowReply,
  cloudImageMessage,
  cloudListReply,
  cloudLocationMessage,
  cloudOrderMessage,
  cloudReaction,
  cloudStickerMessage,
  cloudTemplateButton,
  cloudTextFromUserId,
  cloudTextMessage,
  cloudUnsupportedMessage,
  cloudUserChangedNumber,
  cloudUserChangedUserId,
  cloudVideoMessage,
  cloudVoiceMessage,
} from '../support/payloads/cloud-messages';
import { useWebhookFixture } from '../support/webhook-fixture';

/** What an agent sees of Cloud API messages of every type, through GET /conversations/:id/messages. */
describe('WhatsApp message content: Cloud API', () => {
  const app = useWebhookFixture();

  const deliver = (...bodies: Record<string, unknown>[]) => app.receive('cloud', ...bodies);
  const thread = () => app.thread();

  it('keeps every type’s content, with a readable body', async () => {
    let t = 1767268800;
    const at = () => ({ timestamp: (t += 60) });
    await deliver(
      cloudImageMessage({ id: 'wamid.IMG', ...at() }),
      cloudVoiceMessage({ id: 'wamid.AUD', ...at() }),
      cloudVideoMessage({ id: 'wamid.VID', ...at() }),
      cloudDocumentMessage({ id: 'wamid.DOC', ...at() }),
      cloudStickerMessage({ id: 'wamid.STK', ...at() }),
      cloudLocationMessage({ id: 'wamid.LOC', ...at() }),
      cloudContactsMessage({ id: 'wamid.CON', ...at() }),
      cloudButtonReply({ id: 'wamid.BTN', ...at() }),
      cloudListReply({ id: 'wamid.LST', ...at() }),
      cloudFlowReply({ id: 'wamid.FLW', ...at() }),
      cloudTemplateButton({ id: 'wamid.TPL', ...at() }),
      cloudUnsupportedMessage({ id: 'wamid.UNS', ...at() }),
    );
    expect(await app.tickets()).toHaveLength(1);
    const byType = (await thread()).map((m) => [m.type, m.body, m.content, m.context, m.reactions, m.deletedAt]);
    expect(byType).toEqual([
      ['image', 'Foto do tênis que eu quero', { caption: 'Foto do tênis que eu quero' }, null, [], null],
      ['audio', null, { voice: true }, null, [], null],
      ['video', 'Veja o defeito', { caption: 'Veja o defeito' }, null, [], null],
      [
        'document',
        'Segue o comprovante',
        { caption: 'Segue o comprovante', fileName: 'comprovante-pix.pdf' },
        null,
        [],
        null,
      ],
      ['sticker', null, { caption: null }, null, [], null],
      [
        'location',
        'MASP - Av. Paulista, 1578 - Bela Vista, São Paulo - SP',
        {
          location: {
            latitude: -23.561684,
            longitude: -46.655981,
            name: 'MASP',
            address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP',
            url: 'https://masp.org.br',
          },
        },
        null,
        [],
        null,
      ],
      [
        'contacts',
        'Carlos Souza',
        {
          contacts: [
            {
              name: 'Carlos Souza',
              phones: [
                { phone: '+55 11 98765-4321', type: 'CELL', waId: '5511987654321' },
                { phone: '+55 11 3333-4444', type: 'WORK', waId: null },
              ],
              emails: ['carlos@example.com'],
              organization: 'Padaria Pão Quente',
            },
          ],
        },
        null,
        [],
        null,
      ],
      [
        'interactive',
        'Quero comprar',
        {
          interactive: {
            kind: 'button_reply',
            id: 'quero-comprar',
            title: 'Quero comprar',
            description: null,
            response: null,
          },
        },
        null,
        [],
        null,
      ],
      [
        'interactive',
        'Plano anual',
        {
          interactive: {
            kind: 'list_reply',
            id: 'plano-anual',
            title: 'Plano anual',
            description: '12 meses com 20% de desconto',
            response: null,
          },
        },
        null,
        [],
        null,
      ],
      [
        'interactive',
        'Sent',
        {
          interactive: {
            kind: 'flow_reply',
            id: 'flow',
            title: 'Sent',
            description: null,
            response: { flow_token: 'agenda-42', data: '2026-01-20', periodo: 'manha' },
          },
        },
        null,
        [],
        null,
      ],
      [
        'button',
        'Confirmar visita',
        {
          interactive: {
            kind: 'button',
            id: 'CONFIRMAR_VISITA',
            title: 'Confirmar visita',
            description: null,
            response: null,
          },
        },
        null,
        [],
        null,
      ],
      ['unsupported', null, { unsupported: { reason: 'Message type unknown (poll)' } }, null, [], null],
    ]);
  });

  it('keeps the quoted message of a reply (resolved to ours) and says when a message was forwarded', async () => {
    await deliver(
      cloudTextMessage({ id: 'wamid.Q1', text: 'Tem na cor azul?' }),
      cloudTextMessage({ id: 'wamid.R1', text: 'E no tamanho M?', timestamp: 1767268900, context: { id: 'wamid.Q1' } }),
      cloudTextMessage({
        id: 'wamid.R2',
        text: 'Sobre aquela outra',
        timestamp: 1767269000,
        context: { id: 'wamid.GONE' },
      }),
      cloudTextMessage({
        id: 'wamid.F1',
        text: 'Olha essa promo',
        timestamp: 1767269100,
        context: { forwarded: true },
      }),
      cloudImageMessage({ id: 'wamid.F2', timestamp: 1767269200, context: { frequentlyForwarded: true } }),
    );
    const [quoted, reply, orphan, forwarded, viral] = await thread();
    expect(quoted.context).toBeNull();
    expect(reply.context).toEqual({
      quotedMessageId: quoted.id,
      quotedProviderMessageId: 'wamid.Q1',
      quotedBody: 'Tem na cor azul?',
      quotedType: 'text',
      forwarded: false,
      frequentlyForwarded: false,
    });
    expect(orphan.context).toMatchObject({
      quotedMessageId: null,
      quotedProviderMessageId: 'wamid.GONE',
      quotedBody: null,
    });
    expect(forwarded.context).toMatchObject({ quotedMessageId: null, forwarded: true, frequentlyForwarded: false });
    expect(viral.context).toMatchObject({ forwarded: true, frequentlyForwarded: true });
  });

  it('attaches reactions to their message (last one wins, none removes it) without opening tickets', async () => {
    await deliver(cloudTextMessage({ id: 'wamid.M1', text: 'Chegou o pedido!' }));
    await deliver(cloudReaction({ id: 'wamid.RX1', messageId: 'wamid.M1', emoji: '👍', timestamp: 1767268900 }));
    let [m1] = await thread();
    expect(m1.reactions).toEqual([{ emoji: '👍', direction: 'in', reactedAt: '2026-01-01T12:01:40.000Z' }]);
    await deliver(cloudReaction({ id: 'wamid.RX2', messageId: 'wamid.M1', emoji: '❤️', timestamp: 1767269000 }));
    // A late redelivery of the older reaction changes nothing.
    await deliver(cloudReaction({ id: 'wamid.RX1', messageId: 'wamid.M1', emoji: '👍', timestamp: 1767268900 }));
    [m1] = await thread();
    expect(m1.reactions).toEqual([{ emoji: '❤️', direction: 'in', reactedAt: '2026-01-01T12:03:20.000Z' }]);
    await deliver(cloudReaction({ id: 'wamid.RX3', messageId: 'wamid.M1', timestamp: 1767269100 }));
    const items = await thread();
    expect(items).toHaveLength(1);
    expect(items[0].reactions).toEqual([]);
    expect(await app.tickets()).toHaveLength(1);
    expect(await app.orgCount('whatsapp_messages')).toBe(1);
  });

  it('keeps a reaction to a message it does not hold, and shows it when that message arrives', async () => {
    await deliver(cloudReaction({ id: 'wamid.RX9', messageId: 'wamid.LATE', emoji: '😂', timestamp: 1767268900 }));
    expect(await app.tickets()).toHaveLength(0);
    const [event] = await app.sql(`SELECT status FROM webhook_events WHERE body::text LIKE '%wamid.RX9%'`);
    expect(event.status).toBe('processed');
    await deliver(cloudTextMessage({ id: 'wamid.LATE', text: 'kkkk' }));
    const [late] = await thread();
    expect(late.reactions).toEqual([{ emoji: '😂', direction: 'in', reactedAt: '2026-01-01T12:01:40.000Z' }]);
  });

  it('marks a message the lead deleted (status deleted) without a new ticket', async () => {
    await deliver(cloudTextMessage({ id: 'wamid.D1', text: 'Meu CPF é 123' }));
    await deliver(cloudDeletedStatus({ id: 'wamid.D1' }), cloudDeletedStatus({ id: 'wamid.UNKNOWN' }));
    const [deleted] = await thread();
    expect(deleted).toMatchObject({ body: 'Meu CPF é 123', deletedAt: '2026-01-01T12:05:00.000Z' });
    expect(await app.tickets()).toHaveLength(1);
    expect(await app.orgCount('whatsapp_messages')).toBe(1);
  });

  it('an order keeps its items and total and proposes the deal value of a ticket without one', async () => {
    await deliver(cloudOrderMessage({ id: 'wamid.ORD1' }));
    const [order] = await thread();
    expect(order).toMatchObject({ type: 'order', body: 'Pode entregar amanhã?' });
    expect(order.content.order).toEqual({
      catalogId: '194836987003835',
      text: 'Pode entregar amanhã?',
      currency: 'BRL',
      total: 159.7,
      items: [
        { productRetailerId: 'camiseta-azul-m', quantity: 2, itemPrice: 59.9, currency: 'BRL' },
        { productRetailerId: 'bone-preto', quantity: 1, itemPrice: 39.9, currency: 'BRL' },
      ],
    });
    const [ticket] = await app.tickets();
    const detail = await app.detail(ticket.id);
    expect(detail.dealValue).toBe(159.7);
    expect(detail.events.map((e: any) => [e.type, e.after])).toContainEqual([
      'deal_value_changed',
      { dealValue: 159.7, via: 'whatsapp_order' },
    ]);
    // A deal value already set (by the first order or an agent) is never replaced.
    await deliver(cloudOrderMessage({ id: 'wamid.ORD2', timestamp: 1767269900 }));
    expect((await app.detail(ticket.id)).dealValue).toBe(159.7);
  });

  it('follows a lead who changed number: one lead, one conversation, the notice in the chat, no new ticket', async () => {
    const NEW = '5511977776666';
    await deliver(cloudTextMessage({ id: 'wamid.N1', text: 'Oi, sou o João' }));
    await app.http
      .patch(`/api/v1/tickets/${(await app.tickets())[0].id}`)
      .set(app.owner.bearer)
      .send({
        stageId: (
          await app.sql(
            `SELECT id FROM ticket_stages WHERE organization_id = $1 AND is_closed ORDER BY position LIMIT 1`,
            [app.owner.organizationId],
          )
        )[0].id,
      })
      .expect(200);
    await deliver(cloudUserChangedNumber({ id: 'wamid.SYS1', from: CLOUD_LEAD, to: NEW }));
    // WhatsApp's notice is not the lead writing: the 24-hour window still counts from the lead's own message.
    const [conversation] = (await app.sql(
      `SELECT last_inbound_at AS at FROM whatsapp_conversations WHERE organization_id = $1`,
      [app.owner.organizationId],
    )) as { at: Date }[];
    expect(conversation.at.toISOString()).toBe(new Date(1767268800 * 1000).toISOString());
    const tickets = await app.tickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0].leadPhone).toBe('+5511977776666');
    const items = await thread();
    expect(items.map((m) => [m.type, m.body, m.content])).toEqual([
      ['text', 'Oi, sou o João', null],
      [
        'system',
        `User João Silva changed from ${CLOUD_LEAD} to ${NEW}`,
        { system: { kind: 'number_changed', body: `User João Silva changed from ${CLOUD_LEAD} to ${NEW}` } },
      ],
    ]);
    // The next message, from the new number, is the same lead's (a new ticket, since the old one is closed).
    await deliver(
      cloudTextMessage({ id: 'wamid.N2', text: 'Agora por este número', waId: NEW, timestamp: 1767269500 }),
    );
    expect(await app.orgCount('leads')).toBe(1);
    expect(await app.orgCount('whatsapp_conversations')).toBe(1);
  });

  it('leaves both leads as they are when the new number already has its own lead', async () => {
    const OTHER = '5511955554444';
    await deliver(
      cloudTextMessage({ id: 'wamid.A1', text: 'Sou o João' }),
      cloudTextMessage({ id: 'wamid.B1', text: 'Sou a Ana', waId: OTHER, name: 'Ana', timestamp: 1767268860 }),
    );
    await deliver(cloudUserChangedNumber({ id: 'wamid.SYS3', from: CLOUD_LEAD, to: OTHER }));
    const leads = await app.sql(`SELECT phone FROM leads WHERE organization_id = $1 ORDER BY phone`, [
      app.owner.organizationId,
    ]);
    expect(leads.map((l: { phone: string }) => l.phone)).toEqual(['+5511955554444', '+5511999998888']);
    expect(await app.tickets()).toHaveLength(2);
    const [notice] = await app.sql(
      `SELECT l.phone FROM whatsapp_messages m JOIN whatsapp_conversations c ON c.id = m.conversation_id
       JOIN leads l ON l.id = c.lead_id WHERE m.provider_message_id = 'wamid.SYS3'`,
    );
    expect(notice.phone).toBe('+5511999998888');
  });

  it('follows a business-scoped user id change', async () => {
    await deliver(cloudTextFromUserId({ id: 'wamid.U1', userId: 'BR.11223344', text: 'Olá' }));
    await deliver(cloudUserChangedUserId({ id: 'wamid.SYS2', previous: 'BR.11223344', next: 'BR.99887766' }));
    await deliver(
      cloudTextFromUserId({ id: 'wamid.U2', userId: 'BR.99887766', text: 'Sou eu de novo', timestamp: 1767269500 }),
    );
    expect(await app.orgCount('leads')).toBe(1);
    expect(await app.tickets()).toHaveLength(1);
    const items = await thread();
    expect(items.map((m) => [m.type, m.content?.system?.kind ?? null, m.body])).toEqual([
      ['text', null, 'Olá'],
      ['system', 'user_id_changed', 'User João Silva changed their user ID'],
      ['text', null, 'Sou eu de novo'],
    ]);
    const [lead] = await app.sql(`SELECT wa_user_id FROM leads WHERE organization_id = $1`, [app.owner.organizationId]);
    expect(lead.wa_user_id).toBe('BR.99887766');
  });
});
