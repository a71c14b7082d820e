import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketItem, ticketList, users, viewCounts } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const NOW = new Date('2025-01-15T14:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

const tickets = [
  ticketItem({
    id: 't1',
    leadName: 'João Silva',
    lastMessageAt: minutesAgo(12),
    lastMessagePreview: 'Vocês entregam em Campinas?',
    lastMessageType: 'text',
    lastMessageDirection: 'in',
    unreadCount: 2,
    waitingSince: minutesAgo(12),
  }),
  ticketItem({
    id: 't2',
    leadName: 'Ana Souza',
    lastMessageAt: minutesAgo(1),
    lastMessagePreview: 'Segue o catálogo',
    lastMessageType: 'text',
    lastMessageDirection: 'out',
  }),
  ticketItem({
    id: 't3',
    leadName: 'Bruno Lima',
    lastMessageAt: minutesAgo(125),
    // The API's preview of media is pt-BR; the screen names the type in the reader's language.
    lastMessagePreview: '📷 Foto',
    lastMessageType: 'image',
    lastMessageDirection: 'in',
    unreadCount: 120,
    waitingSince: minutesAgo(125),
  }),
  ticketItem({
    id: 't4',
    leadName: 'Carla Dias',
    lastMessageAt: minutesAgo(3 * 24 * 60 + 30),
    lastMessagePreview: '🎤 Áudio',
    lastMessageType: 'voice',
    lastMessageDirection: 'in',
    unreadCount: 1,
    waitingSince: minutesAgo(3 * 24 * 60 + 30),
  }),
  ticketItem({ id: 't5', leadName: 'Sem Conversa' }),
];

function routes() {
  return createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': (request) =>
      new URL(request.url).searchParams.get('stageId') === 's2'
        ? json(200, ticketList([]))
        : json(200, ticketList(tickets)),
    'GET /api/v1/tickets/views': () => json(200, viewCounts),
  });
}

const row = (lead: string) => screen.getByRole('row', { name: new RegExp(lead) });

describe('queue fields of the ticket rows and cards', () => {
  beforeEach(() => {
    // Only the clock and intervals are fake: the API answers and testing-library's waits use real timeouts.
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the last message, the unread count and the wait in pt-BR', async () => {
    renderApp('/dashboard/tickets', { fetch: routes(), storedToken: 'token' });
    await screen.findByRole('link', { name: 'João Silva' });

    expect(row('João Silva')).toHaveTextContent('Vocês entregam em Campinas?');
    expect(within(row('João Silva')).getByText('2 mensagens não lidas')).toBeInTheDocument();
    expect(row('João Silva')).toHaveTextContent('aguardando há 12 min');

    expect(row('Ana Souza')).toHaveTextContent('Você: Segue o catálogo');
    expect(row('Ana Souza')).not.toHaveTextContent('aguardando');
    expect(within(row('Ana Souza')).queryByText(/não lida/)).not.toBeInTheDocument();

    expect(row('Bruno Lima')).toHaveTextContent('📷 Imagem');
    expect(row('Bruno Lima')).not.toHaveTextContent('Foto');
    expect(row('Bruno Lima')).toHaveTextContent('aguardando há 2 h 5 min');
    expect(within(row('Bruno Lima')).getByText('120 mensagens não lidas')).toBeInTheDocument();
    expect(row('Bruno Lima')).toHaveTextContent('99+');

    expect(row('Carla Dias')).toHaveTextContent('🎤 Mensagem de voz');
    expect(row('Carla Dias')).toHaveTextContent('aguardando há 3 dias');
    expect(within(row('Carla Dias')).getByText('1 mensagem não lida')).toBeInTheDocument();

    expect(row('Sem Conversa')).toHaveTextContent('Sem mensagens');
  });

  it('moves every wait on with one shared minute ticker', async () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const { unmount } = renderApp('/dashboard/tickets', { fetch: routes(), storedToken: 'token' });
    await screen.findByRole('link', { name: 'João Silva' });
    expect(row('João Silva')).toHaveTextContent('aguardando há 12 min');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(row('João Silva')).toHaveTextContent('aguardando há 13 min');
    expect(row('Bruno Lima')).toHaveTextContent('aguardando há 2 h 6 min');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(47 * 60_000);
    });
    expect(row('João Silva')).toHaveTextContent('aguardando há 1 h');
    expect(row('João Silva')).not.toHaveTextContent('1 h 0 min');

    const minuteTickers = setIntervalSpy.mock.calls.filter(([, delay]) => delay === 60_000);
    expect(minuteTickers).toHaveLength(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows the same on the Kanban cards', async () => {
    renderApp('/dashboard/kanban', { fetch: routes(), storedToken: 'token' });
    const card = (await screen.findAllByTestId('kanban-card')).find((c) => c.textContent?.includes('João Silva'));

    expect(card).toHaveTextContent('Vocês entregam em Campinas?');
    expect(card).toHaveTextContent('aguardando há 12 min');
    expect(within(card!).getByText('2 mensagens não lidas')).toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(card).toHaveTextContent('aguardando há 13 min');
  });
});
