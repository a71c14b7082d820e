import {
  EVOLUTION_LEAD_JID,
  EVOLUTION_LEAD_LID,
  evolutionButtonsResponse,
  evolutionContact,
  evolutionContactsArray,
  evolutionDocument,
  evolutionFlowResponse,
  evolutionImage,
  evolutionListResponse,
  evolutionLocation,
  evolutionMessagesDelete,
  evolutionOrder,
  evolutionReaction,
  evolutionRevokeUpsert,
  evolutionSticker,
  evolutionTemplateButtonReply,
  evolutionText,
  evolutionVideo,
  evolutionVoice,
  forwarded,
  quoting,
} from '../support/payloads/evolution-messages';
import { useWebhookFixture } from '../support/webhook-fixture';

const CARLOS = {
  name: 'Carlos Souza',
  phones: [{ phone: '+55 11 98765-4321', type: 'Celular', waId: '5511987654321' }],
  emails: ['carlos@example.com'],
  organization: 'Padaria Pão Quente',
};

/** What an agent sees of Evolution API (Baileys) messages of every type, through GET /conversations/:id/messages. */
describe('WhatsApp message content: Evolution API', () => {
  const app = useWebhookFixture();

  const deliver = (...bodies: Record<string, unknown>[]) => app.receive('evolution', ...bodies);
  const thread = () => app.thread();

  it('keeps every type’s content, with a readable body', async () => {
    let t = 1767268800;
    const at = () => ({ timestamp: (t += 60) });
    await deliver(
      evolutionImage({ id: 'EV-IMG', ...at() }),
      evolutionVoice({ id: 'EV-AUD', ...at() }),
      evolutionVideo({ id: 'EV-VID', ...at() }),
      evolutionDocument({ id: 'EV-DOC', ...at() }),
      evolutionSticker({ id: 'EV-STK', ...at() }),
      evolutionLocation({ id: 'EV-LOC', ...at() }),
      evolutionContact({ id: 'EV-CON', ...at() }),
      evolutionContactsArray({ id: 'EV-CAR', ...at() }),
      evolutionButtonsResponse({ id: 'EV-BTN', ...at() }),
      evolutionTemplateButtonReply({ id: 'EV-TPL', ...at() }),
      evolutionListResponse({ id: 'EV-LST', ...at() }),
      evolutionFlowResponse({ id: 'EV-FLW', ...at() }),
    );
    expect(await app.tickets()).toHaveLength(1);
    const items = (await thread()).map((m) => [m.type, m.body, m.content]);
    expect(items).toEqual([
      ['image', 'Foto do tênis que eu quero', { caption: 'Foto do tênis que eu quero' }],
      ['audio', null, { voice: true }],
      ['video', 'Veja o defeito', { caption: 'Veja o defeito' }],
      ['document', 'Segue o comprovante', { caption: 'Segue o comprovante', fileName: 'comprovante-pix.pdf' }],
      ['sticker', null, { caption: null }],
      [
        'location',
        'Cristo Redentor - Parque Nacional da Tijuca - Alto da Boa Vista, Rio de Janeiro - RJ',
        {
          location: {
            latitude: -22.951916,
            longitude: -43.210487,
            name: 'Cristo Redentor',
            address: 'Parque Nacional da Tijuca - Alto da Boa Vista, Rio de Janeiro - RJ',
            url: 'https://maps.google.com/?q=-22.951916,-43.210487',
          },
        },
      ],
      ['contacts', 'Carlos Souza', { contacts: [CARLOS] }],
      [
        'contacts',
        'Carlos Souza, Ana Lima',
        {
          contacts: [
            CARLOS,
            {
              name: 'Ana Lima',
              phones: [{ phone: '+55 21 97777-6666', type: 'cell', waId: '5521977776666' }],
              emails: [],
              organization: null,
            },
          ],
        },
      ],
      [
        'button',
        'Quero comprar',
        {
          interactive: {
            kind: 'button',
            id: 'quero-comprar',
            title: 'Quero comprar',
            description: null,
            response: null,
          },
        },
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
      ],
      [
        'interactive',
        'Sent',
        {
          interactive: {
            kind: 'flow_reply',
            id: 'galaxy_message',
            title: 'Sent',
            description: null,
            response: { flow_token: 'agenda-42', data: '2026-01-20', periodo: 'manha' },
          },
        },
      ],
    ]);
  });

  it('keeps the quoted message of a reply and says when a message was forwarded', async () => {
    await deliver(
      evolutionText({ id: 'EV-Q1', text: 'Tem na cor azul?' }),
      evolutionText({
        id: 'EV-R1',
        text: 'E no M?',
        timestamp: 1767268900,
        contextInfo: quoting('EV-Q1', 'Tem na cor azul?'),
      }),
      evolutionText({
        id: 'EV-R2',
        text: 'Aquela',
        timestamp: 1767269000,
        contextInfo: quoting('EV-OLD', 'Foto antiga'),
      }),
      evolutionText({ id: 'EV-F1', text: 'Olha a promo', timestamp: 1767269100, contextInfo: forwarded(1) }),
      evolutionImage({ id: 'EV-F2', timestamp: 1767269200, contextInfo: forwarded(7) }),
    );
    const [quoted, reply, older, once, many] = await thread();
    expect(reply.context).toEqual({
      quotedMessageId: quoted.id,
      quotedProviderMessageId: 'EV-Q1',
      quotedBody: 'Tem na cor azul?',
      quotedType: 'text',
      forwarded: false,
      frequentlyForwarded: false,
    });
    // A message we never stored (sent before the line was connected): the provider's copy of its text is shown.
    expect(older.context).toMatchObject({ quotedMessageId: null, quotedBody: 'Foto antiga', quotedType: 'text' });
    expect(once.context).toMatchObject({ forwarded: true, frequentlyForwarded: false });
    expect(many.context).toMatchObject({ forwarded: true, frequentlyForwarded: true });
  });

  it('attaches reactions of each side to their message; an empty one removes it', async () => {
    await deliver(
      evolutionText({ id: 'EV-OUT', text: 'Seu pedido saiu para entrega', fromMe: true }),
      evolutionReaction({ id: 'EV-RX1', target: 'EV-OUT', targetFromMe: true, emoji: '🙏', timestamp: 1767268900 }),
      evolutionReaction({ id: 'EV-RX2', target: 'EV-OUT', fromMe: true, emoji: '✅', timestamp: 1767268950 }),
    );
    // The business's own message opens the ticket (as before); reactions open none.
    let [message] = await thread();
    expect(message.reactions).toEqual([
      { emoji: '🙏', direction: 'in', reactedAt: '2026-01-01T12:01:40.000Z' },
      { emoji: '✅', direction: 'out', reactedAt: '2026-01-01T12:02:30.000Z' },
    ]);
    await deliver(
      evolutionReaction({ id: 'EV-RX3', target: 'EV-OUT', targetFromMe: true, emoji: '', timestamp: 1767269000 }),
    );
    [message] = await thread();
    expect(message.reactions).toEqual([{ emoji: '✅', direction: 'out', reactedAt: '2026-01-01T12:02:30.000Z' }]);
    expect(await app.orgCount('whatsapp_messages')).toBe(1);
    expect(await app.tickets()).toHaveLength(1);
  });

  it('marks messages deleted for everyone (protocolMessage REVOKE and messages.delete) without a ticket', async () => {
    await deliver(
      evolutionText({ id: 'EV-D1', text: 'Meu CPF é 123' }),
      evolutionText({ id: 'EV-D2', text: 'Errei o número', timestamp: 1767268900 }),
    );
    await deliver(
      evolutionRevokeUpsert({ id: 'EV-REV', target: 'EV-D1', timestamp: 1767269000 }),
      evolutionMessagesDelete({ target: 'EV-D2' }),
      evolutionMessagesDelete({ target: 'EV-NEVER-SEEN' }),
    );
    const [first, second] = await thread();
    expect(first).toMatchObject({ body: 'Meu CPF é 123', deletedAt: '2026-01-01T12:03:20.000Z' });
    expect(second.deletedAt).not.toBeNull();
    expect(await app.orgCount('whatsapp_messages')).toBe(2);
    expect(await app.tickets()).toHaveLength(1);
  });

  it('an order keeps its total and proposes the deal value', async () => {
    await deliver(evolutionOrder({ id: 'EV-ORD' }));
    const [order] = await thread();
    expect(order).toMatchObject({ type: 'order', body: 'Quero esses três' });
    expect(order.content.order).toEqual({
      catalogId: null,
      text: 'Quero esses três',
      currency: 'BRL',
      total: 159.7,
      items: [],
    });
    const [ticket] = await app.tickets();
    expect((await app.detail(ticket.id)).dealValue).toBe(159.7);
  });

  it('a sender seen first by its LID and later with its number is one lead', async () => {
    await deliver(evolutionText({ id: 'EV-L1', remoteJid: EVOLUTION_LEAD_LID, text: 'Oi, vim pelo Instagram' }));
    let [ticket] = await app.tickets();
    expect(ticket.leadPhone).toBeNull();
    await deliver(
      evolutionText({
        id: 'EV-L2',
        remoteJid: EVOLUTION_LEAD_LID,
        remoteJidAlt: EVOLUTION_LEAD_JID,
        text: 'Meu número é este',
        timestamp: 1767268900,
      }),
    );
    await deliver(
      evolutionText({ id: 'EV-L3', remoteJid: EVOLUTION_LEAD_JID, text: 'E agora pelo número', timestamp: 1767269000 }),
    );
    const tickets = await app.tickets();
    expect(tickets).toHaveLength(1);
    [ticket] = tickets;
    expect(ticket.leadPhone).toBe('+5521988887777');
    expect(await app.orgCount('leads')).toBe(1);
    expect((await thread()).map((m) => m.body)).toEqual([
      'Oi, vim pelo Instagram',
      'Meu número é este',
      'E agora pelo número',
    ]);
    const [lead] = await app.sql(`SELECT wa_user_id FROM leads WHERE organization_id = $1`, [app.owner.organizationId]);
    expect(lead.wa_user_id).toBe(EVOLUTION_LEAD_LID);
  });
});
