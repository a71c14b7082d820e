import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json } from '../../test/fakeApi';
import { sseResponse, type FakeEventStream } from '../../test/fakeEventStream';
import { me, stages, ticketItem, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Handler = Parameters<typeof createFakeFetch>[0][string];

function renderWithStream(events: Handler) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([ticketItem()])),
    'GET /api/v1/events': events,
  });
  const calls = (route: string) =>
    fetch.mock.calls.filter(([r]) => `${r.method} ${new URL(r.url).pathname}` === route).length;
  return { fetch, calls, ...renderApp('/dashboard/tickets', { fetch, storedToken: 'token' }) };
}

const updated = (overrides: Record<string, unknown> = {}) => ({
  ticketId: 't1',
  stageId: 's1',
  assigneeId: null,
  dealValue: 1500,
  status: 'open',
  unreadCount: 1,
  waitingSince: null,
  lastMessageAt: null,
  lastMessagePreview: null,
  lastMessageType: null,
  lastMessageDirection: null,
  updatedAt: '2025-01-15T13:30:00.000Z',
  ...overrides,
});

describe('RealtimeProvider', () => {
  it('patches the tickets table from the stream, and reads the list again only when a ticket moves', async () => {
    let stream!: FakeEventStream;
    const { calls } = renderWithStream((request) => (stream = sseResponse(request)).response);
    const row = await screen.findByRole('row', { name: /João Silva/ });
    await waitFor(() => expect(stream).toBeDefined());
    stream.send('ready', { resumed: true });
    const before = calls('GET /api/v1/tickets');

    stream.send('ticket.updated', updated({ dealValue: 2500 }), '1');
    expect(await within(row).findByText('R$ 2.500,00')).toBeInTheDocument();
    expect(calls('GET /api/v1/tickets')).toBe(before);

    stream.send('ticket.updated', updated({ dealValue: 2500, stageId: 's2' }), '2');
    expect(await within(row).findByText('Em negociação')).toBeInTheDocument();
    await waitFor(() => expect(calls('GET /api/v1/tickets')).toBe(before + 1));
  });

  it('says it is reconnecting only once the stream has been down for a while', async () => {
    renderWithStream(() => apiError(503, 'Service Unavailable', 'restarting'));
    await screen.findByRole('row', { name: /João Silva/ });
    expect(screen.queryByText('Reconectando…')).toBeNull();
    const notice = await screen.findByText('Reconectando…', {}, { timeout: 4000 });
    expect(notice.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
  });

  it('closes the stream on sign-out', async () => {
    const { fetch } = renderWithStream((request) => sseResponse(request).response);
    await screen.findByRole('row', { name: /João Silva/ });
    const stream = () => fetch.mock.calls.map(([r]) => r).find((r) => r.url.endsWith('/api/v1/events'));
    await waitFor(() => expect(stream()).toBeDefined());
    expect(stream()?.headers.get('authorization')).toBe('Bearer token');
    expect(stream()?.signal.aborted).toBe(false);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sair' }));
    await waitFor(() => expect(stream()?.signal.aborted).toBe(true));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
  });

  it('signs out when the stream answers 401', async () => {
    renderWithStream(() => apiError(401, 'Unauthorized', 'Token expired'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
  });
});
