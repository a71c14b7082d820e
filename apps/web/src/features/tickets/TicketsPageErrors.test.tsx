import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function renderTickets(tickets: () => Response) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': tickets,
  });
  return { fetch, ...renderApp('/dashboard/tickets', { fetch, storedToken: 'token' }) };
}

const ticketCalls = (fetch: ReturnType<typeof createFakeFetch>) =>
  fetch.mock.calls.filter(([request]) => new URL(request.url).pathname === '/api/v1/tickets').length;

describe('TicketsPage errors', () => {
  it('says in pt-BR that the server is busy (503 server_busy), with a retry button', async () => {
    renderTickets(() =>
      apiErrorWithCode(503, 'server_busy', 'The server is busy with other searches and reports: try again shortly'),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'O servidor está ocupado com outras buscas e relatórios. Tente de novo em instantes.',
    );
    expect(alert).not.toHaveTextContent('try again shortly');
    expect(within(alert).getByRole('button', { name: 'Tentar novamente' })).toBeInTheDocument();
  });

  it('says the search took too long (503 statement_timeout) without running it again by itself', async () => {
    const { fetch } = renderTickets(() =>
      apiErrorWithCode(503, 'statement_timeout', 'The request took too long and was stopped: narrow it and try again'),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A busca demorou demais. Restrinja os filtros ou tente de novo em instantes.',
    );
    expect(ticketCalls(fetch)).toBe(1);
  });

  it('asks to wait when there were too many requests (429 rate_limited)', async () => {
    renderTickets(() => apiErrorWithCode(429, 'rate_limited', 'Too many requests: wait a minute and try again'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Muitas solicitações em pouco tempo. Aguarde um minuto e tente novamente.',
    );
  });
});
