import type { WebhookDelivery, WebhookSubscription } from '@whatrack/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const API = '/api/v1/webhook-subscriptions';

function subscription(overrides: Partial<WebhookSubscription> = {}): WebhookSubscription {
  return {
    id: 'w1',
    url: 'https://crm.example.com.br/hooks',
    events: ['ticket.created', 'sale.created'],
    active: true,
    createdAt: '2025-01-15T13:30:00.000Z',
    updatedAt: '2025-01-15T13:30:00.000Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'd1',
    eventId: 'e1',
    eventType: 'ping',
    status: 'delivered',
    attempts: 1,
    lastStatusCode: 200,
    lastError: null,
    lastAttemptAt: '2025-01-15T13:31:00.000Z',
    nextAttemptAt: null,
    deliveredAt: '2025-01-15T13:31:00.000Z',
    createdAt: '2025-01-15T13:31:00.000Z',
    attemptLog: [],
    ...overrides,
  };
}

function renderWebhooks(initial: WebhookSubscription[], routes: Parameters<typeof createFakeFetch>[0] = {}) {
  let items = initial;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    [`GET ${API}`]: () => json(200, { items }),
    [`POST ${API}`]: async (request) => {
      const body = (await request.clone().json()) as Pick<WebhookSubscription, 'url' | 'events'>;
      const created = subscription({ id: 'w-new', ...body });
      items = [...items, created];
      return json(201, { ...created, secret: 'whsec_shown_once' });
    },
    [`PATCH ${API}/w1`]: async (request) => {
      const body = (await request.clone().json()) as { active: boolean };
      items = items.map((s) => (s.id === 'w1' ? { ...s, active: body.active } : s));
      return json(
        200,
        items.find((s) => s.id === 'w1'),
      );
    },
    [`DELETE ${API}/w1`]: () => {
      items = items.filter((s) => s.id !== 'w1');
      return new Response(null, { status: 204 });
    },
    ...routes,
  });
  renderApp('/dashboard/settings/webhooks', { fetch, storedToken: 'token' });
  return fetch;
}

async function sentBody(fetch: ReturnType<typeof createFakeFetch>, method: string, path: string): Promise<unknown> {
  const call = fetch.mock.calls.find(([request]) => request.method === method && request.url.endsWith(path));
  if (!call) throw new Error(`${method} ${path} was not called`);
  return call[0].clone().json();
}

describe('WebhooksSettings', () => {
  it('shows the empty state, then creates a subscription and shows its secret once with a copy button', async () => {
    const fetch = renderWebhooks([]);
    const user = userEvent.setup();

    expect(await screen.findByText('Nenhuma inscrição ainda')).toBeInTheDocument();
    await user.type(screen.getByLabelText('URL'), 'https://crm.example.com.br/novo');
    await user.click(screen.getByRole('checkbox', { name: /Venda registrada/ }));
    await user.click(screen.getByRole('checkbox', { name: /Ticket criado/ }));
    await user.click(screen.getByRole('button', { name: 'Criar inscrição' }));

    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_shown_once');
    expect(screen.getByRole('button', { name: /Copiar/ })).toBeInTheDocument();
    // Sent in the API's order of events, whatever order they were ticked in.
    expect(await sentBody(fetch, 'POST', API)).toEqual({
      url: 'https://crm.example.com.br/novo',
      events: ['ticket.created', 'sale.created'],
    });
    const card = await screen.findByTestId('webhook-subscription');
    expect(within(card).getByText('https://crm.example.com.br/novo')).toBeInTheDocument();
    expect(within(card).getByText('Ticket criado, Venda registrada')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Já guardei o segredo' }));
    expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  });

  it('asks for an event, and shows the API refusing the URL under the URL field', async () => {
    const fetch = renderWebhooks([], {
      [`POST ${API}`]: () =>
        apiErrorWithCode(400, 'invalid_input', 'url: url must be an https:// URL', {
          details: [{ field: 'url', code: 'https_required', message: 'url must be an https:// URL' }],
        }),
    });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('URL'), 'http://crm.example.com.br');
    await user.click(screen.getByRole('button', { name: 'Criar inscrição' }));
    expect(screen.getByText('Escolha pelo menos um evento.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([request]) => request.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: /Mensagem recebida/ }));
    await user.click(screen.getByRole('button', { name: 'Criar inscrição' }));
    expect(await screen.findByLabelText('URL')).toHaveAccessibleDescription(/https:\/\//);
    expect(screen.getByLabelText('URL')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a failed load with a retry', async () => {
    let fail = true;
    renderWebhooks([], {
      [`GET ${API}`]: () =>
        fail ? apiErrorWithCode(500, 'internal_error', 'boom') : json(200, { items: [subscription()] }),
    });
    const user = userEvent.setup();

    const retry = await screen.findByRole('button', { name: 'Tentar novamente' });
    fail = false;
    await user.click(retry);
    expect(await screen.findByTestId('webhook-subscription')).toBeInTheDocument();
  });

  it('pauses (then offers to resume), sends a test and shows the delivery log with status and error, by keyboard', async () => {
    let log: WebhookDelivery[] = [];
    const fetch = renderWebhooks([subscription()], {
      [`POST ${API}/w1/test`]: () => {
        log = [
          delivery({ id: 'd2' }),
          delivery({ status: 'failed', attempts: 8, lastStatusCode: 500, lastError: 'HTTP 500: erro interno' }),
        ];
        return json(202, delivery({ id: 'd2', status: 'pending', attempts: 0, lastStatusCode: null }));
      },
      [`GET ${API}/w1/deliveries`]: () => json(200, { items: log, nextCursor: null }),
    });
    const user = userEvent.setup();
    const card = await screen.findByTestId('webhook-subscription');
    expect(within(card).getByText('Ativa')).toBeInTheDocument();

    within(card).getByRole('button', { name: 'Pausar' }).focus();
    await user.keyboard('{Enter}');
    expect(await within(card).findByText('Pausada')).toBeInTheDocument();
    expect(await sentBody(fetch, 'PATCH', `${API}/w1`)).toEqual({ active: false });
    expect(within(card).getByRole('button', { name: 'Retomar' })).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Enviar teste' }));
    const items = await within(card).findAllByTestId('webhook-delivery');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('Teste (ping)')).toBeInTheDocument();
    expect(within(items[0]).getByText('Entregue')).toBeInTheDocument();
    expect(within(items[1]).getByText('Falhou')).toBeInTheDocument();
    expect(within(items[1]).getByText('HTTP 500: erro interno')).toBeInTheDocument();
    expect(within(items[1]).getByText(/8 tentativas · HTTP 500/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Ocultar entregas' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('rotates the secret after confirming and shows the new one once; deletes after confirming', async () => {
    const fetch = renderWebhooks([subscription()], {
      [`POST ${API}/w1/rotate-secret`]: () => json(200, { ...subscription(), secret: 'whsec_rotated' }),
    });
    const user = userEvent.setup();
    const card = await screen.findByTestId('webhook-subscription');

    await user.click(within(card).getByRole('button', { name: 'Gerar novo segredo' }));
    const rotate = await screen.findByRole('dialog', { name: 'Gerar um novo segredo?' });
    await user.click(within(rotate).getByRole('button', { name: 'Gerar novo segredo' }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_rotated');

    await user.click(within(card).getByRole('button', { name: 'Excluir' }));
    const confirm = await screen.findByRole('dialog', { name: /Excluir a inscrição/ });
    await user.click(within(confirm).getByRole('button', { name: 'Excluir' }));
    expect(await screen.findByText('Nenhuma inscrição ainda')).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-subscription')).not.toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => r.method === 'DELETE' && r.url.endsWith(`${API}/w1`))).toBe(true);
  });

  it('is for managers only: an agent gets an explanation and no link', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, agentMe),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/dashboard/settings/webhooks', { fetch, storedToken: 'token' });

    expect(await screen.findByText('Apenas administradores')).toBeInTheDocument();
    const subnav = screen.getByRole('navigation', { name: 'Seções das configurações' });
    expect(within(subnav).getByRole('link', { name: 'Etapas' })).toBeInTheDocument();
    expect(within(subnav).queryByRole('link', { name: 'Webhooks de integração' })).not.toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => r.url.includes(API))).toBe(false);
  });
});
