import { orderOf, summaryOf } from './content-summary';
import { evolutionContent } from './evolution-content';
import { contactsOfVcard } from './vcard';

describe('message content parsing', () => {
  it('reads a WhatsApp vCard: the labelled number with its waid, e-mails, organization', () => {
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Carlos Souza',
      'ORG:Padaria;Vendas',
      'item1.TEL;waid=5511987654321:+55 11 98765-4321',
      'item1.X-ABLabel:Celular',
      'TEL;type=WORK:+55 11 3333-4444',
      'EMAIL:carlos@example.com',
      'END:VCARD',
    ].join('\n');
    expect(contactsOfVcard(vcard, 'Carlos')).toEqual([
      {
        name: 'Carlos Souza',
        phones: [
          { phone: '+55 11 98765-4321', type: 'Celular', waId: '5511987654321' },
          { phone: '+55 11 3333-4444', type: 'work', waId: null },
        ],
        emails: ['carlos@example.com'],
        organization: 'Padaria - Vendas',
      },
    ]);
  });

  it('keeps the display name of a vCard it cannot read', () => {
    expect(contactsOfVcard('not a vcard', 'Fulano')).toEqual([
      { name: 'Fulano', phones: [], emails: [], organization: null },
    ]);
    expect(contactsOfVcard(null, null)).toEqual([]);
  });

  it('sums an order in cents', () => {
    const items = [{ productRetailerId: 'a', quantity: 3, itemPrice: 19.9, currency: 'BRL' }];
    expect(orderOf(null, null, items, null)).toMatchObject({ total: 59.7, currency: 'BRL' });
    expect(summaryOf('order', { order: orderOf(null, null, items, null) }, null)).toBe(
      'Pedido: 3 itens, total BRL 59.70',
    );
  });

  it('reads an Evolution order total given as a protobuf Long', () => {
    const data = { messageType: 'orderMessage' };
    const message = {
      orderMessage: { totalAmount1000: { low: 159700, high: 0, unsigned: false }, totalCurrencyCode: 'BRL' },
    };
    expect(evolutionContent(data, message).content?.order).toMatchObject({ total: 159.7, currency: 'BRL' });
  });

  it('takes the REVOKE of a protocolMessage, by name or by its enum number', () => {
    for (const type of ['REVOKE', 0]) {
      const message = { protocolMessage: { key: { id: 'X1', remoteJid: '5511@s.whatsapp.net' }, type } };
      expect(evolutionContent({ messageType: 'protocolMessage' }, message).event).toEqual({
        kind: 'revoke',
        targetProviderMessageId: 'X1',
      });
    }
    const edit = { protocolMessage: { key: { id: 'X1' }, type: 'MESSAGE_EDIT' } };
    expect(evolutionContent({ messageType: 'protocolMessage' }, edit).event).toBeNull();
  });

  it('looks inside view-once and disappearing envelopes', () => {
    const message = { viewOnceMessageV2: { message: { imageMessage: { caption: 'só uma vez' } } } };
    expect(evolutionContent({ messageType: 'viewOnceMessageV2' }, message)).toMatchObject({
      type: 'image',
      content: { caption: 'só uma vez' },
      body: 'só uma vez',
    });
  });
});
