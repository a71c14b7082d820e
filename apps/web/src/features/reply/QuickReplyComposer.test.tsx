import type { Message, QuickReply, TicketDetail } from '@whatrack/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function quickReply(overrides: Partial<QuickReply>): QuickReply {
  return {
    id: 'q1',
    shortcut: 'preco',
    title: 'Tabela de preços',
    text: 'Olá {{lead.firstName}}! Os preços estão no site.',
    createdAt: '2025-01-15T13:30:00.000Z',
    updatedAt: '2025-01-15T13:30:00.000Z',
    ...overrides,
  };
}

const QUICK_REPLIES = [
  quickReply({ id: 'q1', shortcut: 'oi', title: 'Saudação', text: 'Olá {{lead.firstName}}, tudo bem?' }),
  quickReply({ id: 'q2', shortcut: 'pix', title: 'Pagamento', text: 'A chave pix da {{organization.name}} é 123.' }),
  quickReply({
    id: 'q3',
    shortcut: 'preco',
    title: 'Tabela de preços',
    text: 'Oi {{lead.name}}! Sou {{agent.firstName}} ({{agent.name}}).',
  }),
];

const sentReply = (text: string): Message => ({
  id: 'r1',
  ticketId: 't1',
  direction: 'out',
  type: 'text',
  body: text,
  status: 'pending',
  sentAt: '2025-01-15T13:40:00.000Z',
  createdAt: '2025-01-15T13:40:00.000Z',
  senderUserId: me.user!.id,
  senderName: me.user!.name,
  errorCode: null,
  errorTitle: null,
  content: null,
  context: null,
  reactions: [],
  deletedAt: null,
  media: null,
});

function renderTicket(ticket: TicketDetail = ticketDetail(), quickReplies = () => json(200, { items: QUICK_REPLIES })) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticket),
    'GET /api/v1/conversations/c1/messages': () => json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    'GET /api/v1/quick-replies': quickReplies,
    'POST /api/v1/tickets/t1/messages': async (request) => {
      const { text } = (await request.clone().json()) as { text: string };
      return json(202, sentReply(text));
    },
  });
  renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  return fetch;
}

const replyBox = () => screen.findByRole('textbox', { name: 'Responder ao lead' });
const options = () => within(screen.getByRole('listbox', { name: 'Respostas rápidas' })).getAllByRole('option');
const sentTexts = async (fetch: ReturnType<typeof createFakeFetch>) =>
  Promise.all(
    fetch.mock.calls
      .map(([request]) => request)
      .filter((request) => request.method === 'POST')
      .map(async (request) => ((await request.clone().json()) as { text: string }).text),
  );

describe('quick replies in the reply box', () => {
  it('filters by what follows "/", moves with the arrows and inserts the filled text on Enter', async () => {
    const fetch = renderTicket();
    const user = userEvent.setup();
    const box = await replyBox();

    await user.type(box, '/');
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(options().map((option) => option.querySelector('code')?.textContent)).toEqual(['/oi', '/pix', '/preco']);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options()[0].id);
    // The preview is what will be inserted.
    expect(options()[1]).toHaveTextContent('A chave pix da Loja da Maria é 123.');

    await user.type(box, 'p');
    expect(options().map((option) => option.querySelector('code')?.textContent)).toEqual(['/pix', '/preco']);
    await user.keyboard('{ArrowDown}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options()[1].id);
    await user.keyboard('{ArrowDown}');
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Oi João Silva! Sou Maria (Maria Oliveira).');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(await sentTexts(fetch)).toEqual([]);

    // The agent edits the result, then Enter sends it.
    await user.type(box, ' Ok?{Enter}');
    await waitFor(async () =>
      expect(await sentTexts(fetch)).toEqual(['Oi João Silva! Sou Maria (Maria Oliveira). Ok?']),
    );
  });

  it('matches titles without accents, inserts mid-text on Tab, and leaves a missing name empty', async () => {
    renderTicket(ticketDetail({ lead: { id: 'l1', name: null, phone: '+5511999998888', email: null } }));
    const user = userEvent.setup();
    const box = await replyBox();

    await user.type(box, 'Bom dia! /saudaca');
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]).toHaveTextContent('/oi');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('Bom dia! Olá, tudo bem?');
    expect(box).toHaveFocus();
    // The caret is after the inserted text: typing goes on from there.
    await user.keyboard(' Até');
    expect(box).toHaveValue('Bom dia! Olá, tudo bem? Até');
  });

  it('inserts a clicked suggestion, closes on Escape, and ignores a slash inside a word', async () => {
    const fetch = renderTicket();
    const user = userEvent.setup();
    const box = await replyBox();

    await user.type(box, 'Veja em http://loja.example/pix');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.clear(box);

    await user.type(box, '/pi');
    await waitFor(() => expect(options()).toHaveLength(1));
    // Leaving the box hides the suggestions; coming back shows them again.
    await user.tab({ shift: true });
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.click(box);
    await waitFor(() => expect(options()).toHaveLength(1));
    await user.click(options()[0]);
    expect(box).toHaveValue('A chave pix da Loja da Maria é 123.');
    expect(box).toHaveFocus();

    await user.clear(box);
    await user.type(box, '/oi');
    await waitFor(() => expect(options()).toHaveLength(1));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).not.toHaveAttribute('aria-activedescendant');
    // Typing on in the same "/word" keeps it closed.
    await user.type(box, 'x');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('{Backspace}');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await sentTexts(fetch)).toEqual(['/oi']));
  });

  it('says so when nothing matches or the quick replies cannot be loaded, and Enter still sends', async () => {
    const fetch = renderTicket(ticketDetail(), () => json(500, { statusCode: 500, code: 'internal_error' }));
    const user = userEvent.setup();
    const box = await replyBox();

    await user.type(box, '/x');
    expect(await screen.findByText('Não foi possível carregar as respostas rápidas.')).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await sentTexts(fetch)).toEqual(['/x']));
  });
});
