import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const base = {
  ticketId: 't1',
  direction: 'in',
  status: null,
  sentAt: '2025-01-15T13:31:00.000Z',
  createdAt: '2025-01-15T13:31:00.000Z',
  senderUserId: null,
  senderName: null,
  errorCode: null,
  errorTitle: null,
  content: null,
  context: null,
  reactions: [],
  deletedAt: null,
  media: null,
};
const stored = (id: string, mimeType: string, extra = {}) => ({
  status: 'stored',
  mimeType,
  fileName: null,
  sizeBytes: 2048,
  voice: false,
  url: `/api/v1/messages/${id}/media`,
  error: null,
  ...extra,
});

function renderChat(items: unknown[], routes: Parameters<typeof createFakeFetch>[0] = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ events: [] })),
    'GET /api/v1/conversations/c1/messages': () =>
      json(200, { items: [...items].reverse(), total: items.length, page: 1, pageSize: 50 }),
    ...routes,
  });
  renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  return fetch;
}

describe('MessageContent', () => {
  it('fetches stored media with the session into object URLs: image, voice note, document', async () => {
    const createObjectURL = vi.fn(() => 'blob:fake');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const fetch = renderChat(
      [
        {
          ...base,
          id: 'm1',
          type: 'image',
          body: 'Foto',
          content: { caption: 'Foto' },
          media: stored('m1', 'image/jpeg'),
        },
        { ...base, id: 'm2', type: 'audio', body: null, media: stored('m2', 'audio/ogg', { voice: true }) },
        {
          ...base,
          id: 'm3',
          type: 'document',
          body: 'orcamento.pdf',
          media: stored('m3', 'application/pdf', { fileName: 'orcamento.pdf', sizeBytes: 48213 }),
        },
      ],
      {
        'GET /api/v1/messages/m1/media': () =>
          new Response(new Blob(['img']), { headers: { 'content-type': 'image/jpeg' } }),
        'GET /api/v1/messages/m2/media': () =>
          new Response(new Blob(['ogg']), { headers: { 'content-type': 'audio/ogg' } }),
        'GET /api/v1/messages/m3/media': () =>
          new Response(new Blob(['pdf']), { headers: { 'content-type': 'application/pdf' } }),
      },
    );
    const chat = await screen.findByRole('region', { name: /Conversa/ });
    const image = await within(chat).findByRole('img', { name: 'Imagem enviada na conversa' });
    expect(image).toHaveAttribute('src', 'blob:fake');
    expect(within(chat).getByText('Foto')).toBeInTheDocument();
    await waitFor(() => expect(chat.querySelector('audio')).toHaveAttribute('src', 'blob:fake'));
    expect(chat.querySelector('audio')).toHaveAttribute('aria-label', 'Mensagem de voz');
    const mediaCall = fetch.mock.calls.find(([request]) => request.url.endsWith('/messages/m1/media'));
    expect(mediaCall?.[0].headers.get('Authorization')).toBe('Bearer token');
    // Documents are fetched only when asked for.
    expect(fetch.mock.calls.some(([request]) => request.url.endsWith('/messages/m3/media'))).toBe(false);
    await userEvent.click(within(chat).getByRole('button', { name: 'Baixar orcamento.pdf' }));
    await waitFor(() => expect(fetch.mock.calls.some(([r]) => r.url.endsWith('/messages/m3/media'))).toBe(true));
    vi.unstubAllGlobals();
  });

  it('says when a file is still downloading, missing or not kept', async () => {
    renderChat([
      {
        ...base,
        id: 'm1',
        type: 'image',
        body: null,
        media: { ...stored('m1', 'image/jpeg'), status: 'pending', url: null },
      },
      {
        ...base,
        id: 'm2',
        type: 'video',
        body: null,
        media: { ...stored('m2', 'video/mp4'), status: 'failed', url: null, error: 'Graph 404' },
      },
      {
        ...base,
        id: 'm3',
        type: 'video',
        body: null,
        media: { ...stored('m3', 'video/mp4'), status: 'refused', url: null },
      },
    ]);
    const chat = await screen.findByRole('region', { name: /Conversa/ });
    expect(await within(chat).findByText('Baixando arquivo…')).toBeInTheDocument();
    expect(within(chat).getByText('Arquivo indisponível').closest('p')).toHaveAttribute('title', 'Graph 404');
    expect(within(chat).getByText('Arquivo não armazenado (muito grande ou tipo não suportado)')).toBeInTheDocument();
  });

  it('shows locations, contacts, choices, orders, quotes, reactions, deletes, notices and unknown types', async () => {
    renderChat([
      { ...base, id: 'q', type: 'text', body: 'Tem azul?' },
      {
        ...base,
        id: 'm1',
        type: 'location',
        body: 'Loja',
        content: { location: { latitude: -23.5, longitude: -46.6, name: 'Loja', address: 'Av. Paulista', url: null } },
        context: {
          quotedMessageId: 'q',
          quotedProviderMessageId: null,
          quotedBody: 'Tem azul?',
          quotedType: 'text',
          forwarded: true,
          frequentlyForwarded: false,
        },
        reactions: [{ emoji: '👍', direction: 'out', reactedAt: '2025-01-15T13:32:00.000Z' }],
      },
      {
        ...base,
        id: 'm2',
        type: 'contacts',
        body: 'Carlos',
        content: {
          contacts: [
            {
              name: 'Carlos',
              phones: [{ phone: '+55 11 98765-4321', type: 'CELL', waId: null }],
              emails: ['c@x.com'],
              organization: null,
            },
          ],
        },
      },
      {
        ...base,
        id: 'm3',
        type: 'interactive',
        body: 'Plano anual',
        content: {
          interactive: { kind: 'list_reply', id: 'a', title: 'Plano anual', description: '12 meses', response: null },
        },
      },
      {
        ...base,
        id: 'm4',
        type: 'order',
        body: null,
        content: {
          order: {
            catalogId: null,
            text: null,
            currency: 'BRL',
            total: 119.8,
            items: [{ productRetailerId: 'camiseta', quantity: 2, itemPrice: 59.9, currency: 'BRL' }],
          },
        },
      },
      { ...base, id: 'm5', type: 'text', body: 'apagada', deletedAt: '2025-01-15T13:40:00.000Z' },
      { ...base, id: 'm6', type: 'system', body: null, content: { system: { kind: 'number_changed', body: null } } },
      {
        ...base,
        id: 'm7',
        type: 'unsupported',
        body: null,
        content: { unsupported: { reason: 'Message type unknown' } },
      },
    ]);
    const chat = await screen.findByRole('region', { name: /Conversa/ });
    const map = await within(chat).findByRole('link', { name: 'Abrir no mapa' });
    expect(map).toHaveAttribute('href', 'https://www.google.com/maps?q=-23.5,-46.6');
    expect(map).toHaveAttribute('target', '_blank');
    expect(within(chat).getByText('Encaminhada')).toBeInTheDocument();
    expect(within(chat).getByRole('button', { name: /Ir para a mensagem citada: Tem azul\?/ })).toBeInTheDocument();
    expect(within(chat).getByText('👍 da empresa')).toBeInTheDocument();
    expect(within(chat).getByRole('link', { name: '+55 11 98765-4321' })).toHaveAttribute('href', 'tel:+5511987654321');
    expect(within(chat).getByRole('link', { name: 'c@x.com' })).toHaveAttribute('href', 'mailto:c@x.com');
    expect(within(chat).getByText('Escolheu: Plano anual')).toBeInTheDocument();
    expect(within(chat).getByText(/2 × R\$\s59,90/)).toBeInTheDocument();
    expect(within(chat).getByText(/Total: R\$\s119,80/)).toBeInTheDocument();
    expect(within(chat).getByText('Mensagem apagada')).toBeInTheDocument();
    expect(within(chat).queryByText('apagada')).not.toBeInTheDocument();
    expect(within(chat).getByText('O lead trocou de número')).toBeInTheDocument();
    expect(within(chat).getByText('Tipo de mensagem não suportado')).toBeInTheDocument();
  });
});
