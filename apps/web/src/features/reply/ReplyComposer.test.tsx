import type { Message, TicketDetail } from '@whatrack/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, deferred, json } from '../../test/fakeApi';
import { agentMe, me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { ReplyTemplate } from './useReplyTemplates';

/** The line's templates the fake API lists (GET /whatsapp-instances/i1/templates). */
const templates: { current: ReplyTemplate[] } = { current: [] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

const question = message();
const reply = (overrides: Partial<Message> = {}) =>
  message({
    id: 'r1',
    direction: 'out',
    body: 'Temos sim!',
    status: 'pending',
    sentAt: '2025-01-15T13:40:00.000Z',
    createdAt: '2025-01-15T13:40:00.000Z',
    senderUserId: me.user!.id,
    senderName: me.user!.name,
    ...overrides,
  });
const page = (items: Message[]) => json(200, { items, total: items.length, page: 1, pageSize: 50 });

function renderTicket({
  ticket = () => ticketDetail(),
  messages = () => page([question]),
  session = me,
  routes = {},
}: {
  ticket?: () => TicketDetail;
  messages?: () => Response | Promise<Response>;
  session?: typeof me;
  routes?: Parameters<typeof createFakeFetch>[0];
} = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticket()),
    'GET /api/v1/conversations/c1/messages': messages,
    'GET /api/v1/tickets/t1/notes': () => json(200, { items: [], total: 0, page: 1, pageSize: 100 }),
    'GET /api/v1/whatsapp-instances/i1/templates': () => json(200, { items: templates.current }),
    ...routes,
  });
  return { fetch, ...renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' }) };
}

const chat = () => screen.findByRole('region', { name: /Conversa/ });
const replyBox = () => screen.findByRole('textbox', { name: 'Responder ao lead' });
const posts = (fetch: ReturnType<typeof createFakeFetch>, path = '/api/v1/tickets/t1/messages') =>
  fetch.mock.calls.map(([request]) => request).filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);

beforeEach(() => {
  templates.current = [];
});

describe('ReplyComposer', () => {
  it('sends on Enter, breaks the line on Shift+Enter, and keeps the send button off while empty', async () => {
    const { fetch } = renderTicket({
      routes: { 'POST /api/v1/tickets/t1/messages': () => json(202, reply({ body: 'Temos sim!\nQual cor?' })) },
    });
    const user = userEvent.setup();
    const box = await replyBox();
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeDisabled();

    await user.type(box, 'Temos sim!{Shift>}{Enter}{/Shift}Qual cor?');
    expect(box).toHaveValue('Temos sim!\nQual cor?');
    expect(posts(fetch)).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeEnabled();

    await user.keyboard('{Enter}');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
    await waitFor(() => expect(posts(fetch)).toHaveLength(1));
    const [post] = posts(fetch);
    expect(await post.clone().json()).toEqual({ text: 'Temos sim!\nQual cor?' });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeDisabled();
  });

  it('shows the reply at once as pending, then the stored one, whose ticks follow the status by polling', async () => {
    const answer = deferred<Response>();
    let stored: Message[] = [question];
    renderTicket({
      messages: () => page([...stored].reverse()),
      routes: { 'POST /api/v1/tickets/t1/messages': () => answer.promise },
    });
    const user = userEvent.setup();
    await user.type(await replyBox(), 'Temos sim!{Enter}');

    const thread = await chat();
    const pending = within(thread).getByText('Temos sim!').closest('li')!;
    expect(within(pending).getByRole('img', { name: 'Enviando' })).toBeInTheDocument();
    expect(pending).toHaveTextContent(me.user!.name);
    expect(within(thread).getByRole('heading', { name: /Conversa · 2/ })).toBeInTheDocument();

    stored = [question, reply()];
    answer.resolve(json(202, reply()));
    await waitFor(() => expect(within(thread).getAllByText('Temos sim!')).toHaveLength(1));
    expect(within(thread).getByRole('img', { name: 'Enviando' })).toBeInTheDocument();

    // The worker delivered it: the next poll (every few seconds while a reply is on its way) shows ✓.
    stored = [question, reply({ status: 'sent' })];
    expect(await within(thread).findByRole('img', { name: 'Enviada' }, { timeout: 6000 })).toBeInTheDocument();
    expect(within(thread).getAllByRole('listitem')).toHaveLength(2);
  }, 15_000);

  it('shows a failed reply in red with its reason and sends it again', async () => {
    let stored = [question, reply({ status: 'failed', errorCode: '131047', errorTitle: 'Re-engagement message' })];
    const { fetch } = renderTicket({
      messages: () => page([...stored].reverse()),
      routes: {
        'POST /api/v1/tickets/t1/messages/r1/retry': () => {
          stored = [question, reply({ status: 'pending' })];
          return json(202, reply({ status: 'pending' }));
        },
      },
    });
    const user = userEvent.setup();
    const thread = await chat();
    const failed = (await within(thread).findByText('Temos sim!')).closest('li')!;
    expect(within(failed).getByRole('img', { name: 'Não enviada' })).toBeInTheDocument();
    expect(failed).toHaveTextContent('Não enviada: Re-engagement message (131047)');

    await user.click(within(failed).getByRole('button', { name: 'Tentar novamente' }));
    expect(await within(thread).findByRole('img', { name: 'Enviando' })).toBeInTheDocument();
    expect(within(thread).queryByRole('button', { name: 'Tentar novamente' })).not.toBeInTheDocument();
    expect(posts(fetch, '/api/v1/tickets/t1/messages/r1/retry')).toHaveLength(1);
  });

  it('says inline why a retry was refused', async () => {
    renderTicket({
      messages: () => page([reply({ status: 'failed', errorTitle: 'Message undeliverable' }), question]),
      routes: {
        'POST /api/v1/tickets/t1/messages/r1/retry': () =>
          apiErrorWithCode(409, 'reply_window_closed', 'The lead last wrote more than 24 hours ago'),
      },
    });
    const user = userEvent.setup();
    const thread = await chat();
    await user.click(await within(thread).findByRole('button', { name: 'Tentar novamente' }));
    expect(await within(thread).findByRole('alert')).toHaveTextContent(
      'A janela de 24 h fechou e a mensagem não foi enviada.',
    );
  });

  it('puts a refused reply back in the box with the reason, and switches to templates when the window closed', async () => {
    let windowOpen = true;
    const { fetch } = renderTicket({
      ticket: () =>
        ticketDetail({ replyWindow: { open: windowOpen, expiresAt: windowOpen ? '2099-01-01T00:00:00.000Z' : null } }),
      routes: {
        'POST /api/v1/tickets/t1/messages': () => {
          windowOpen = false;
          return apiErrorWithCode(409, 'reply_window_closed', 'The lead last wrote more than 24 hours ago');
        },
      },
    });
    const user = userEvent.setup();
    await user.type(await replyBox(), 'Ainda tem interesse?{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A janela de 24 h fechou e a mensagem não foi enviada. Para falar com o lead agora, envie um modelo aprovado.',
    );
    const thread = await chat();
    expect(within(thread).queryByText('Ainda tem interesse?')).not.toBeInTheDocument();
    // The ticket is read again: the window closed, so the picker takes the box's place.
    expect(await screen.findByText(/A janela de 24 h fechou: o lead escreveu/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Enviar um modelo aprovado' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Responder ao lead' })).not.toBeInTheDocument();
    expect(posts(fetch)).toHaveLength(1);
  });

  it('reuses the Idempotency-Key when the same reply is sent again, and translates a 400 by its field', async () => {
    let answers = 0;
    const { fetch } = renderTicket({
      routes: {
        'POST /api/v1/tickets/t1/messages': () =>
          ++answers === 1
            ? apiErrorWithCode(422, 'lead_without_phone', 'The lead has no WhatsApp number to answer')
            : apiErrorWithCode(400, 'invalid_input', 'text must not be blank', {
                details: [{ field: 'text', code: 'matches', message: 'text must not be blank' }],
              }),
      },
    });
    const user = userEvent.setup();
    const box = await replyBox();
    await user.type(box, 'Olá{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'O lead não tem um número de WhatsApp para receber a resposta.',
    );
    await waitFor(() => expect(box).toHaveValue('Olá'));

    await user.keyboard('{Enter}');
    expect(await screen.findByText('A mensagem precisa ter texto, com até 4.096 caracteres.')).toBeInTheDocument();
    const [first, second] = posts(fetch);
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
  });

  it('offers the template picker when the window is closed on a Cloud API line and sends the filled template', async () => {
    templates.current = [
      {
        name: 'retomada_atendimento',
        language: 'pt_BR',
        category: 'UTILITY',
        status: 'APPROVED',
        body: 'Olá, {{1}}! Seu pedido {{2}} está pronto.',
        variables: 2,
        headerText: 'Loja da Maria',
      },
      {
        name: 'retomada_atendimento',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        body: 'Hi {{1}}! Order {{2}} is ready.',
        variables: 2,
        headerText: null,
      },
    ];
    const { fetch } = renderTicket({
      ticket: () => ticketDetail({ replyWindow: { open: false, expiresAt: '2025-01-16T13:30:00.000Z' } }),
      routes: {
        'POST /api/v1/tickets/t1/messages': () =>
          json(202, reply({ type: 'template', body: 'Olá, João! Seu pedido 42 está pronto.' })),
      },
    });
    const user = userEvent.setup();

    expect(await screen.findByText(/A janela de 24 h fechou/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Responder ao lead' })).not.toBeInTheDocument();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Modelo' }), 'retomada_atendimento');
    expect(screen.getByRole('combobox', { name: 'Idioma do modelo' })).toHaveValue('pt_BR');
    await user.type(screen.getByRole('textbox', { name: 'Variável {{1}}' }), 'João');
    expect(screen.getByTestId('template-preview')).toHaveTextContent(
      'Loja da Maria Olá, João! Seu pedido {{2}} está pronto.',
    );

    await user.click(screen.getByRole('button', { name: 'Enviar modelo' }));
    expect(screen.getByRole('textbox', { name: 'Variável {{2}}' })).toHaveAccessibleDescription(
      'Preencha esta variável.',
    );
    expect(screen.getByRole('textbox', { name: 'Variável {{2}}' })).toHaveFocus();
    expect(posts(fetch)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Variável {{2}}' }), '42');
    await user.click(screen.getByRole('button', { name: 'Enviar modelo' }));
    await waitFor(() => expect(posts(fetch)).toHaveLength(1));
    expect(await posts(fetch)[0].clone().json()).toEqual({
      template: { name: 'retomada_atendimento', language: 'pt_BR', variables: ['João', '42'] },
    });
    const thread = await chat();
    expect(await within(thread).findByText('Olá, João! Seu pedido 42 está pronto.')).toBeInTheDocument();
    // Sent: the picker starts over.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Modelo' })).toHaveValue(''));
  });

  it('says when the line has no approved templates', async () => {
    renderTicket({ ticket: () => ticketDetail({ replyWindow: { open: false, expiresAt: null } }) });
    expect(await screen.findByText(/Nenhum modelo aprovado disponível/)).toBeInTheDocument();
  });

  it('lets a Cloud API line choose a template while the window is still open', async () => {
    renderTicket();
    const user = userEvent.setup();
    await replyBox();
    await user.click(screen.getByRole('button', { name: 'Usar um modelo' }));
    expect(screen.getByRole('heading', { name: 'Enviar um modelo aprovado' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Escrever mensagem' }));
    expect(await replyBox()).toBeInTheDocument();
  });

  it('has no template picker on Evolution lines', async () => {
    const evolution = ticketDetail();
    evolution.conversation.instance.provider = 'evolution';
    evolution.replyWindow = { open: true, expiresAt: null };
    renderTicket({ ticket: () => evolution });
    expect(await replyBox()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Usar um modelo' })).not.toBeInTheDocument();
  });

  it('is replaced by a sentence and a link to the WhatsApp settings when the line cannot send', async () => {
    const noCredentials = () => {
      const ticket = ticketDetail();
      ticket.conversation.instance.canSend = false;
      return ticket;
    };
    renderTicket({ ticket: noCredentials });
    expect(
      await screen.findByText(
        'Não é possível responder por aqui: a linha de WhatsApp “Atendimento” ainda não tem as credenciais de envio.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Responder ao lead' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cadastre-as em Configurações → WhatsApp' })).toHaveAttribute(
      'href',
      '/dashboard/settings/whatsapp',
    );
  });

  it('tells agents who can add the credentials, without a link', async () => {
    const noCredentials = () => {
      const ticket = ticketDetail();
      ticket.conversation.instance.canSend = false;
      return ticket;
    };
    renderTicket({ ticket: noCredentials, session: agentMe });
    expect(
      await screen.findByText('Peça a um proprietário ou administrador para cadastrá-las em Configurações → WhatsApp.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Configurações → WhatsApp/ })).not.toBeInTheDocument();
  });
});
