import type { ApiKey } from '@whatrack/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../../test/fakeApi';
import { me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

function apiKey(overrides: Partial<ApiKey>): ApiKey {
  return {
    id: 'k1',
    name: 'Site',
    prefix: 'wtk_3f9a2c',
    scopes: ['tickets'],
    createdAt: '2025-01-15T13:30:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

function renderKeys(initial: ApiKey[]) {
  let keys = initial;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/api-keys': () => json(200, { items: keys }),
    'POST /api/v1/api-keys': async (request) => {
      const body = (await request.clone().json()) as { name: string; scopes: ApiKey['scopes'] };
      const created = apiKey({ id: 'k-new', name: body.name, prefix: 'wtk_new', scopes: body.scopes });
      keys = [...keys, created];
      return json(201, { ...created, key: 'wtk_new_secret' });
    },
  });
  renderApp('/dashboard/settings/api-keys', { fetch, storedToken: 'token' });
  return fetch;
}

async function postedBody(fetch: ReturnType<typeof createFakeFetch>): Promise<unknown> {
  const post = fetch.mock.calls.find(([request]) => request.method === 'POST');
  if (!post) throw new Error('POST /api/v1/api-keys was not called');
  return post[0].clone().json();
}

describe('ApiKeysSettings scopes', () => {
  it('offers the three scopes with what each allows, "Tickets" chosen by default', async () => {
    renderKeys([]);
    const group = await screen.findByRole('group', { name: 'Permissão' });

    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['read', 'tickets', 'admin']);
    expect(within(group).getByRole('radio', { name: 'Tickets (padrão)' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Somente leitura' })).toHaveAccessibleDescription(
      'Consulta tickets, leads, vendas e relatórios, sem alterar nada.',
    );
    expect(within(group).getByRole('radio', { name: 'Administração' })).toHaveAccessibleDescription(
      /etapas, linhas de WhatsApp/,
    );
  });

  it('sends the chosen scope and shows it in the notice and in the list', async () => {
    const fetch = renderKeys([]);
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Nome'), 'Painel BI');
    await user.click(screen.getByRole('radio', { name: 'Somente leitura' }));
    await user.click(screen.getByRole('button', { name: 'Criar chave' }));

    expect(await screen.findByTestId('created-api-key-scope')).toHaveTextContent('Permissão: Somente leitura');
    expect(await postedBody(fetch)).toEqual({ name: 'Painel BI', scopes: ['read'] });
    const row = await screen.findByRole('row', { name: /Painel BI/ });
    expect(within(row).getByRole('cell', { name: 'Somente leitura' })).toBeInTheDocument();
    // The next key starts from the default again.
    expect(screen.getByRole('radio', { name: 'Tickets (padrão)' })).toBeChecked();
  });

  it('sends the default scope when none is picked, and is usable from the keyboard', async () => {
    const fetch = renderKeys([]);
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Nome'), 'Site');
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Tickets (padrão)' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Administração' })).toBeChecked();
    await user.keyboard('{ArrowUp}{Enter}');

    expect(await screen.findByTestId('created-api-key-scope')).toHaveTextContent('Permissão: Tickets');
    expect(await postedBody(fetch)).toEqual({ name: 'Site', scopes: ['tickets'] });
  });

  it("shows each key's widest scope in the table", async () => {
    renderKeys([
      apiKey({ id: 'k1', name: 'Site', scopes: ['tickets'] }),
      apiKey({ id: 'k2', name: 'Relatórios', scopes: ['read'] }),
      apiKey({ id: 'k3', name: 'Automação', scopes: ['read', 'admin'] }),
    ]);

    const scopeOf = async (name: string) => {
      const row = await screen.findByRole('row', { name: new RegExp(name) });
      return within(row).getAllByRole('cell')[2];
    };
    expect(await screen.findByRole('columnheader', { name: 'Permissão' })).toBeInTheDocument();
    expect(await scopeOf('Site')).toHaveTextContent('Tickets');
    expect(await scopeOf('Relatórios')).toHaveTextContent('Somente leitura');
    expect(await scopeOf('Automação')).toHaveTextContent('Administração');
  });
});
