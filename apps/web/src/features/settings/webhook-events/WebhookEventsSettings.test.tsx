import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WebhookEvent } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json, lastQuery } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const EVENTS = 'GET /api/v1/webhook-events';

function webhookEvent(overrides: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    id: 'ev1',
    provider: 'cloud_api',
    instanceId: null,
    status: 'failed',
    attempts: 5,
    lastError: 'WhatsApp instance 42 no longer exists',
    receivedAt: '2025-01-15T13:30:00.000Z',
    processedAt: null,
    nextAttemptAt: '2025-01-15T14:00:00.000Z',
    body: { object: 'whatsapp_business_account', entry: [{ id: 'waba-1' }] },
    rejections: [],
    ...overrides,
  };
}

interface Options {
  session?: typeof me;
  list?: (request: Request) => Response;
}

function renderEvents({ session = me, list }: Options = {}) {
  let events = [webhookEvent()];
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    [EVENTS]: (request) => list?.(request) ?? json(200, { items: events, total: events.length, page: 1, pageSize: 20 }),
    'POST /api/v1/webhook-events/ev1/retry': () => {
      events = [];
      return json(200, webhookEvent({ status: 'processed', processedAt: '2025-01-15T14:01:00.000Z' }));
    },
  });
  renderApp('/dashboard/settings/webhook-events', { fetch, storedToken: 'token' });
  return fetch;
}

function eventCalls(fetch: ReturnType<typeof createFakeFetch>) {
  return fetch.mock.calls.filter(([request]) => `${request.method} ${new URL(request.url).pathname}` === EVENTS).length;
}

describe('WebhookEventsSettings', () => {
  it('asks for the failed events first and shows their status, times, error, rejections and body', async () => {
    const fetch = renderEvents({
      list: () =>
        json(200, {
          items: [
            webhookEvent(),
            webhookEvent({
              id: 'ev2',
              status: 'partial',
              lastError: null,
              rejections: [
                {
                  providerMessageId: 'wamid.1',
                  code: 'no_sender',
                  reason: 'from: the message names no sender',
                  at: '2025-01-15T13:31:00.000Z',
                },
              ],
            }),
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
    });

    // The first test of the file waits for the lazy settings route to be transformed.
    const failed = await screen.findByRole('article', { name: 'Falhou 15/01/2025, 10:30' }, { timeout: 15_000 });
    expect(lastQuery(fetch, EVENTS)).toEqual({ page: '1', pageSize: '20', status: 'failed' });
    expect(screen.getByLabelText('Situação')).toHaveValue('failed');
    expect(within(failed).getByText('WhatsApp Cloud API (Meta)')).toBeInTheDocument();
    expect(within(failed).getByText('WhatsApp instance 42 no longer exists')).toBeInTheDocument();
    expect(within(failed).getByText('5')).toBeInTheDocument();
    expect(within(failed).getByText(/"object": "whatsapp_business_account"/)).toBeInTheDocument();

    const partial = screen.getByRole('article', { name: 'Parcial 15/01/2025, 10:30' });
    expect(within(partial).getByText('no_sender: from: the message names no sender')).toBeInTheDocument();
    expect(within(partial).getByRole('button', { name: /Reprocessar/ })).toBeInTheDocument();
  });

  it('asks again with the chosen status, or none for all', async () => {
    const fetch = renderEvents();
    const user = userEvent.setup();
    await screen.findByRole('article');

    await user.selectOptions(screen.getByLabelText('Situação'), 'Parcial');
    await waitFor(() => expect(lastQuery(fetch, EVENTS)).toEqual({ page: '1', pageSize: '20', status: 'partial' }));

    await user.selectOptions(screen.getByLabelText('Situação'), 'Todas');
    await waitFor(() => expect(lastQuery(fetch, EVENTS)).toEqual({ page: '1', pageSize: '20' }));
  });

  it('reprocesses an event, says how it went and reloads the list', async () => {
    const fetch = renderEvents();
    const user = userEvent.setup();
    await screen.findByRole('article');
    const calls = eventCalls(fetch);

    await user.click(screen.getByRole('button', { name: 'Reprocessar 15/01/2025, 10:30' }));

    expect(await screen.findByText('Evento reprocessado: Processado.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([request]) => new URL(request.url).pathname.endsWith('/ev1/retry'))).toBe(true);
    expect(await screen.findByText('Nenhum evento com essa situação.')).toBeInTheDocument();
    expect(eventCalls(fetch)).toBeGreaterThan(calls);
  });

  it('shows a failed load with a retry that loads the list', async () => {
    let fail = true;
    renderEvents({
      list: () =>
        fail
          ? apiError(500, 'Internal Server Error', 'boom')
          : json(200, { items: [webhookEvent()], total: 1, page: 1, pageSize: 20 }),
    });
    const user = userEvent.setup();

    const retry = await screen.findByRole('button', { name: 'Tentar novamente' }, { timeout: 3000 });
    fail = false;
    await user.click(retry);

    expect(await screen.findByRole('article')).toBeInTheDocument();
  });

  it('is for owners and admins only', async () => {
    const fetch = renderEvents({ session: agentMe });

    expect(await screen.findByText('Apenas administradores')).toBeInTheDocument();
    expect(eventCalls(fetch)).toBe(0);
  });
});
