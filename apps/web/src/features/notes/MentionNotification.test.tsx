import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { sseResponse, type FakeEventStream } from '../../test/fakeEventStream';
import { me, stages, ticketItem, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const ana = users[1];

async function renderWithStream() {
  let stream: FakeEventStream | undefined;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([ticketItem()])),
    'GET /api/v1/events': (request) => (stream = sseResponse(request)).response,
  });
  renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });
  await screen.findByRole('row', { name: /João Silva/ });
  await waitFor(() => expect(stream).toBeDefined());
  const live = stream as FakeEventStream;
  live.send('ready', { resumed: true });
  const noteCreated = (id: string, overrides: Record<string, unknown>) =>
    live.send(
      'note.created',
      {
        ticketId: 't1',
        noteId: `n${id}`,
        authorType: 'user',
        authorUserId: ana.id,
        authorName: ana.name,
        mentionedUserIds: [],
        createdAt: '2025-01-15T14:00:00.000Z',
        ...overrides,
      },
      id,
    );
  return { noteCreated };
}

describe('mention notifications', () => {
  it('tells the mentioned user who mentioned them and on which ticket, and nobody else', async () => {
    const { noteCreated } = await renderWithStream();
    const user = userEvent.setup();
    // Mentions of someone else, and the user's own note mentioning themselves, are not news to this user.
    noteCreated('1', { mentionedUserIds: [ana.id] });
    noteCreated('2', { authorUserId: me.user!.id, authorName: me.user!.name, mentionedUserIds: [me.user!.id] });
    noteCreated('3', { mentionedUserIds: [me.user!.id, ana.id] });

    await user.click(await screen.findByRole('button', { name: 'Notificações: 1 não lida' }, { timeout: 4000 }));
    const panel = screen.getByRole('dialog', { name: 'Notificações' });
    const item = within(panel).getByRole('link', { name: /Ana Souza mencionou você no ticket de João Silva/ });
    expect(item).toHaveTextContent('Nota interna');
    expect(item).toHaveAttribute('href', '/dashboard/tickets/t1');
    expect(within(panel).getAllByRole('link')).toHaveLength(1);
  });
});
