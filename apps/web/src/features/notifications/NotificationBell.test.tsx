import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { sseResponse, type FakeEventStream } from '../../test/fakeEventStream';
import { me, stages, ticketDetail, ticketItem, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { BROWSER_OPT_IN_KEY } from './browserNotifications';

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

afterEach(() => {
  visibility = 'visible';
});

async function renderWithStream() {
  let stream: FakeEventStream | undefined;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([ticketItem({ assigneeId: me.user?.id ?? null })])),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail()),
    'GET /api/v1/conversations/c1/messages': () => json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    'GET /api/v1/events': (request) => (stream = sseResponse(request)).response,
  });
  const view = renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });
  await screen.findByRole('row', { name: /João Silva/ });
  await waitFor(() => expect(stream).toBeDefined());
  const live = stream as FakeEventStream;
  live.send('ready', { resumed: true });
  /** A lead's message on t1 (assigned to the signed-in user), as the API streams it. */
  const leadWrites = (id: string, preview: string) => {
    live.send(
      'message.created',
      {
        ticketId: 't1',
        conversationId: 'c1',
        messageId: `m${id}`,
        direction: 'in',
        type: 'text',
        status: null,
        createdAt: '2025-01-15T14:00:00.000Z',
      },
      id,
    );
    live.send(
      'ticket.updated',
      {
        ...ticketItem(),
        ticketId: 't1',
        stageId: 's1',
        assigneeId: me.user?.id ?? null,
        unreadCount: 1,
        lastMessagePreview: preview,
        lastMessageDirection: 'in',
      },
      `${id}b`,
    );
  };
  return { ...view, leadWrites };
}

const bell = (name: RegExp | string) => screen.findByRole('button', { name }, { timeout: 4000 });

describe('NotificationBell', () => {
  it('counts a new message on my ticket, lists it, and opens the ticket from the list', async () => {
    const { leadWrites } = await renderWithStream();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Notificações' })).toBeInTheDocument();

    leadWrites('1', 'Tem o 42?');
    await user.click(await bell('Notificações: 1 não lida'));
    const panel = screen.getByRole('dialog', { name: 'Notificações' });
    expect(within(panel).getByRole('heading', { name: 'Notificações' })).toHaveFocus();
    const item = within(panel).getByRole('link', { name: /Não lida: Nova mensagem de João Silva/ });
    expect(item).toHaveTextContent('Tem o 42?');
    expect(item).toHaveAttribute('href', '/dashboard/tickets/t1');

    await user.click(item);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/tickets/t1'));
    expect(screen.queryByRole('dialog', { name: 'Notificações' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Notificações' })).toBeInTheDocument();
  });

  it('is keyboard operable: Enter opens, "mark all read" clears the count, Escape closes back on the bell', async () => {
    const { leadWrites } = await renderWithStream();
    const user = userEvent.setup();
    leadWrites('1', 'Oi');
    const button = await bell('Notificações: 1 não lida');
    button.focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Marcar todas como lidas' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAccessibleName('Notificações');
    expect(screen.getByRole('link', { name: /Nova mensagem de João Silva/ })).not.toHaveAccessibleName(/Não lida/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('counts in the tab title what arrived while the tab was hidden, until the user is back', async () => {
    const { leadWrites } = await renderWithStream();
    await waitFor(() => expect(document.title).toBe('Tickets · WhaTrack Tickets'));
    setVisibility('hidden');
    leadWrites('1', 'Oi');
    await waitFor(() => expect(document.title).toBe('(1) Tickets · WhaTrack Tickets'), { timeout: 4000 });
    setVisibility('visible');
    await waitFor(() => expect(document.title).toBe('Tickets · WhaTrack Tickets'));
    // Still unread in the bell: back in the tab is not read.
    expect(screen.getByRole('button', { name: 'Notificações: 1 não lida' })).toBeInTheDocument();
  });

  it('shows browser notifications only after opting in from the panel, and only while the tab is hidden', async () => {
    const shown: { title: string; body?: string }[] = [];
    const requestPermission = vi.fn(() => {
      FakeNotification.permission = 'granted';
      return Promise.resolve<NotificationPermission>('granted');
    });
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission = requestPermission;
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    const { leadWrites } = await renderWithStream();
    const user = userEvent.setup();

    setVisibility('hidden');
    leadWrites('1', 'Antes do aceite');
    await bell('Notificações: 1 não lida');
    expect(shown).toEqual([]);
    expect(requestPermission).not.toHaveBeenCalled();

    setVisibility('visible');
    await user.click(screen.getByRole('button', { name: 'Notificações: 1 não lida' }));
    await user.click(screen.getByRole('button', { name: 'Ativar notificações do navegador' }));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Notificações do navegador ativadas.')).toBeInTheDocument();
    expect(window.localStorage.getItem(BROWSER_OPT_IN_KEY)).toBe('on');

    leadWrites('2', 'Com a aba aberta');
    await screen.findByText('Com a aba aberta', {}, { timeout: 4000 });
    expect(shown).toEqual([]);

    setVisibility('hidden');
    leadWrites('3', 'Com a aba escondida');
    await waitFor(
      () => expect(shown).toEqual([{ title: 'Nova mensagem de João Silva', body: 'Com a aba escondida' }]),
      {
        timeout: 4000,
      },
    );
  });
});
