import type { Message, TicketNote } from '@whatrack/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const ana = users[1];

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    ticketId: 't1',
    direction: 'in',
    type: 'text',
    body: 'Oi, tem o tênis 42?',
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
    ...overrides,
  };
}

function note(overrides: Partial<TicketNote> = {}): TicketNote {
  return {
    id: 'n1',
    ticketId: 't1',
    text: 'Cliente quer desconto',
    authorType: 'user',
    authorUserId: ana.id,
    authorName: ana.name,
    mentionedUserIds: [],
    createdAt: '2025-01-15T13:35:00.000Z',
    ...overrides,
  };
}

const question = message();
const answer = message({
  id: 'm2',
  direction: 'out',
  body: 'Temos sim!',
  status: 'read',
  sentAt: '2025-01-15T13:40:00.000Z',
  senderName: 'Maria Oliveira',
});
const messagePage = (items: Message[]) => json(200, { items, total: items.length, page: 1, pageSize: 50 });
const notePage = (items: TicketNote[]) => json(200, { items, total: items.length, page: 1, pageSize: 100 });

function renderTicket({
  notes = () => notePage([]),
  session = me,
  routes = {},
}: {
  notes?: () => Response;
  session?: typeof me;
  routes?: Parameters<typeof createFakeFetch>[0];
} = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail()),
    // Newest first, as the chat asks.
    'GET /api/v1/conversations/c1/messages': () => messagePage([answer, question]),
    'GET /api/v1/tickets/t1/notes': notes,
    ...routes,
  });
  return { fetch, ...renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' }) };
}

const calls = (fetch: ReturnType<typeof createFakeFetch>, method: string, path: string) =>
  fetch.mock.calls.map(([request]) => request).filter((r) => r.method === method && new URL(r.url).pathname === path);
const chatItems = async () => within(await screen.findByRole('log')).getAllByRole('listitem');

describe('internal notes', () => {
  it('shows notes among the messages in time order, in their own style, without delivery ticks', async () => {
    renderTicket({ notes: () => notePage([note()]) });
    await screen.findByText('Cliente quer desconto');
    const items = await chatItems();
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Oi, tem o tênis 42?'),
      expect.stringContaining('Cliente quer desconto'),
      expect.stringContaining('Temos sim!'),
    ]);
    const bubble = items[1];
    expect(bubble).toHaveClass('chat-note');
    expect(bubble).not.toHaveClass('chat-message');
    expect(bubble).toHaveTextContent('Nota interna · Ana Souza');
    expect(bubble).toHaveTextContent('Não enviada ao lead');
    // The reply has its ticks; the note has none.
    expect(within(items[2]).getByLabelText('Lida')).toBeInTheDocument();
    expect(within(bubble).queryByLabelText(/Lida|Enviada|Entregue|Enviando/)).toBeNull();
  });

  it('switches the composer to a note, mentions a teammate from the @ list and never posts a WhatsApp reply', async () => {
    const saved = note({
      id: 'n2',
      text: 'Veja isto @Ana Souza',
      authorUserId: me.user!.id,
      authorName: me.user!.name,
      mentionedUserIds: [ana.id],
      createdAt: '2025-01-15T13:50:00.000Z',
    });
    const stored: TicketNote[] = [];
    const { fetch } = renderTicket({
      notes: () => notePage(stored),
      routes: {
        'POST /api/v1/tickets/t1/notes': () => {
          stored.unshift(saved);
          return json(201, saved);
        },
      },
    });
    const user = userEvent.setup();
    await screen.findByRole('textbox', { name: 'Responder ao lead' });
    const modes = screen.getByRole('group', { name: 'Tipo de mensagem' });
    expect(within(modes).getByRole('button', { name: 'Responder' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(modes).getByRole('button', { name: 'Nota interna' }));
    expect(within(modes).getByRole('button', { name: 'Nota interna' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('textbox', { name: 'Responder ao lead' })).toBeNull();
    expect(screen.getByText(/nunca é enviada ao lead/)).toBeInTheDocument();
    const box = screen.getByRole('combobox', { name: 'Nota interna para a equipe' });

    await user.type(box, 'Veja isto @so');
    const list = screen.getByRole('listbox', { name: 'Membros da equipe' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ana Souza']);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Veja isto @Ana Souza ');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(calls(fetch, 'POST', '/api/v1/tickets/t1/notes')).toHaveLength(1));
    const [post] = calls(fetch, 'POST', '/api/v1/tickets/t1/notes');
    expect(await post.clone().json()).toEqual({ text: 'Veja isto @Ana Souza', mentionedUserIds: [ana.id] });
    expect(calls(fetch, 'POST', '/api/v1/tickets/t1/messages')).toHaveLength(0);
    await waitFor(() => expect(box).toHaveValue(''));
    const bubble = (await screen.findByText('Veja isto @Ana Souza')).closest('li')!;
    expect(bubble).toHaveTextContent('Nota interna · Maria Oliveira');
  });

  it('keeps a refused note in the box with the reason, and the @ list closes on Escape', async () => {
    renderTicket({
      routes: {
        'POST /api/v1/tickets/t1/notes': () =>
          apiErrorWithCode(400, 'invalid_input', 'mentionedUserIds: x is not a user of the organization', {
            details: [
              { field: 'mentionedUserIds', code: 'unknown_user', message: 'x is not a user of the organization' },
            ],
          }),
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Nota interna' }));
    const box = screen.getByRole('combobox', { name: 'Nota interna para a equipe' });
    await user.type(box, '@');
    expect(screen.getByRole('listbox', { hidden: true })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.type(box, ' oi');
    await user.click(screen.getByRole('button', { name: 'Salvar nota' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Verifique os campos indicados.');
    expect(alert).toHaveTextContent('Menções: não é um membro da equipe desta organização.');
    expect(box).toHaveValue('@ oi');
  });

  it('still shows the messages when the notes cannot be read, and says so with a retry', async () => {
    let failing = true;
    renderTicket({
      notes: () => (failing ? apiErrorWithCode(503, 'database_busy', 'busy') : notePage([note()])),
    });
    expect(await screen.findByText('Oi, tem o tênis 42?')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Não foi possível carregar as notas internas deste ticket.');
    failing = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Tentar novamente' }));
    expect(await screen.findByText('Cliente quer desconto')).toBeInTheDocument();
  });

  it("lets the author delete their note after confirming, and hides delete on another's note from agents", async () => {
    let stored = [
      note({ id: 'mine', text: 'Minha nota' }),
      note({ id: 'theirs', authorUserId: me.user!.id, authorName: me.user!.name }),
    ];
    const { fetch } = renderTicket({
      session: agentMe,
      notes: () => notePage(stored),
      routes: {
        'DELETE /api/v1/tickets/t1/notes/mine': () => {
          stored = stored.filter((n) => n.id !== 'mine');
          return new Response(null, { status: 204 });
        },
      },
    });
    const user = userEvent.setup();
    const mine = (await screen.findByText('Minha nota')).closest('li')!;
    const theirs = screen.getByText('Cliente quer desconto').closest('li')!;
    expect(within(theirs).queryByRole('button', { name: /Excluir/ })).toBeNull();

    await user.click(within(mine).getByRole('button', { name: 'Excluir a nota de Ana Souza' }));
    const dialog = screen.getByRole('dialog', { name: 'Excluir nota interna' });
    await user.click(within(dialog).getByRole('button', { name: 'Excluir' }));
    await waitFor(() => expect(screen.queryByText('Minha nota')).toBeNull());
    expect(calls(fetch, 'DELETE', '/api/v1/tickets/t1/notes/mine')).toHaveLength(1);
  });
});
