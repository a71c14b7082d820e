import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketList, ticketItem, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const base = {
  'GET /api/v1/auth/me': () => json(200, me),
  'GET /api/v1/stages': () => json(200, { items: stages }),
  'GET /api/v1/users': () => json(200, { items: users }),
};

describe('Settings', () => {
  it('creates an API key and shows it once', async () => {
    const created = {
      id: 'k1',
      name: 'Site',
      prefix: 'wtk_3f9a2c',
      key: 'wtk_3f9a2c_secret',
      scopes: ['tickets'],
      createdAt: '2025-01-15T13:30:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    };
    let keys: unknown[] = [];
    const fetch = createFakeFetch({
      ...base,
      'GET /api/v1/api-keys': () => json(200, { items: keys }),
      'POST /api/v1/api-keys': () => {
        keys = [{ ...created, key: undefined }];
        return json(201, created);
      },
    });
    renderApp('/dashboard/settings/api-keys', { fetch, storedToken: 'token' });
    const user = userEvent.setup();

    expect(await screen.findByText('Nenhuma chave criada.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nome'), 'Site');
    await user.click(screen.getByRole('button', { name: 'Criar chave' }));

    expect(await screen.findByTestId('created-api-key')).toHaveTextContent('wtk_3f9a2c_secret');
    expect(await screen.findByRole('cell', { name: 'Site' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Já copiei, ocultar' }));
    expect(screen.queryByText('wtk_3f9a2c_secret')).not.toBeInTheDocument();
  });

  it('hides the API keys and the forms of admins from agents', async () => {
    const agent = { ...me, user: { ...me.user!, role: 'agent' as const } };
    const fetch = createFakeFetch({ ...base, 'GET /api/v1/auth/me': () => json(200, agent) });
    renderApp('/dashboard/settings/team', { fetch, storedToken: 'token' });

    const subnav = await screen.findByRole('navigation', { name: 'Seções das configurações' });
    expect(within(subnav).queryByRole('link', { name: 'Chaves de API' })).not.toBeInTheDocument();
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem adicionar pessoas à equipe.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Adicionar' })).not.toBeInTheDocument();
  });

  it('asks where the tickets of a deleted stage go', async () => {
    const fetch = createFakeFetch({
      ...base,
      'GET /api/v1/tickets': () =>
        json(
          200,
          ticketList([ticketItem()], {
            total: 3,
            summary: { total: 3, withSales: 0, dealValueOpen: 0, dealValueTotal: 0 },
          }),
        ),
      'DELETE /api/v1/stages/s1': () => new Response(null, { status: 204 }),
    });
    renderApp('/dashboard/settings/stages', { fetch, storedToken: 'token' });
    const user = userEvent.setup();

    const row = (await screen.findByRole('form', { name: 'Novo' })).closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Excluir' }));
    const dialog = screen.getByRole('dialog', { name: 'Excluir a etapa Novo?' });
    expect(
      await within(dialog).findByText('3 tickets estão nesta etapa. Escolha para onde movê-los.'),
    ).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Mover tickets para'), 's3');
    await user.click(within(dialog).getByRole('button', { name: 'Excluir' }));

    const request = fetch.mock.calls.find(([r]) => r.method === 'DELETE')![0];
    expect(new URL(request.url).search).toBe('?moveTo=s3');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows whether each Cloud API line is verified and sends a typed access token', async () => {
    const line = (id: string, name: string, claim: { verified?: boolean; conflicting?: boolean }) => ({
      id,
      name,
      phoneNumber: '+5511940001234',
      provider: 'cloud_api' as const,
      providerPhoneNumberId: `10654035224292${id.length}`,
      providerBusinessAccountId: null,
      hasAccessToken: claim.verified ?? false,
      verified: claim.verified ?? false,
      conflicting: claim.conflicting ?? false,
      apiUrl: null,
      hasApiKey: false,
      webhookUrl: 'https://app.example.com/api/v1/webhooks/whatsapp/cloud',
      webhookToken: null,
      createdAt: '2025-01-15T13:30:00.000Z',
    });
    const items = [
      line('i1', 'Loja Centro', { verified: true }),
      line('i22', 'Loja Sul', { conflicting: true }),
      line('i333', 'Loja Norte', {}),
    ];
    const patches: unknown[] = [];
    const fetch = createFakeFetch({
      ...base,
      'GET /api/v1/whatsapp-instances': () => json(200, { items }),
      'PATCH /api/v1/whatsapp-instances/i22': async (request) => {
        patches.push(await request.json());
        return apiErrorWithCode(400, 'invalid_input', 'accessToken: the token was not accepted', {
          details: [
            {
              field: 'accessToken',
              code: 'token_refused',
              message: 'the token was not accepted for this phone_number_id',
            },
          ],
        });
      },
    });
    renderApp('/dashboard/settings/whatsapp', { fetch, storedToken: 'token' });
    const user = userEvent.setup();

    const card = async (name: string) =>
      (await screen.findByRole('heading', { name: new RegExp(name) })).closest('li')!;
    expect(within(await card('Loja Centro')).getByText('Verificado')).toBeInTheDocument();
    expect(within(await card('Loja Norte')).getByText('Não verificado')).toBeInTheDocument();
    const conflicting = await card('Loja Sul');
    expect(within(conflicting).getByText('Em conflito')).toBeInTheDocument();

    await user.click(within(conflicting).getByRole('button', { name: 'Editar' }));
    const dialog = screen.getByRole('dialog', { name: 'Editar linha' });
    const token = within(dialog).getByLabelText('Token de acesso (Cloud API)');
    expect(token).toHaveAttribute('type', 'password');
    await user.type(token, 'EAAG-typed-token');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(
      await within(dialog).findByText('A Meta não aceitou este token de acesso para este número (phone_number_id).'),
    ).toBeInTheDocument();
    expect(patches).toEqual([expect.objectContaining({ accessToken: 'EAAG-typed-token' })]);
  });
});
