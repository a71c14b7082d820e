import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json } from '../../../test/fakeApi';
import { me, stages, users } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const missing = {
  publicUrl: 'http://localhost:3000',
  ready: false,
  items: [
    { key: 'public_url', envVar: 'PUBLIC_URL', ok: false, cloudApiOnly: false },
    { key: 'verify_token', envVar: 'WHATSAPP_VERIFY_TOKEN', ok: true, cloudApiOnly: true },
    { key: 'app_secret', envVar: 'WHATSAPP_APP_SECRET', ok: false, cloudApiOnly: true },
  ],
};

function renderWith(setup: () => Response) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/whatsapp-instances/setup': setup,
  });
  renderApp('/dashboard/settings/whatsapp', { fetch, storedToken: 'token' });
}

const section = async () =>
  (await screen.findByRole('heading', { name: 'Configuração do servidor' })).closest('section')!;

describe('Server setup checklist on the WhatsApp settings', () => {
  it('says what is missing, with the environment variable that sets it and why it matters', async () => {
    renderWith(() => json(200, missing));

    const box = await section();
    expect(await within(box).findByText(/^Faltam configurar 2 itens no servidor/)).toHaveAttribute('role', 'status');
    const rows = within(box).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Endereço público');
    expect(rows[0]).toHaveTextContent('(Falta configurar)');
    expect(rows[0]).toHaveTextContent('O endereço público é http://localhost:3000');
    expect(within(rows[0]).getByText('PUBLIC_URL', { selector: 'code' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('(Configurado)');
    expect(rows[1]).toHaveTextContent('Só para linhas da Cloud API');
    expect(rows[2]).toHaveTextContent('recusada com 401');
    expect(rows[2]).toHaveTextContent('WHATSAPP_APP_SECRET');
  });

  it('says the server is ready when nothing is missing', async () => {
    renderWith(() =>
      json(200, {
        ...missing,
        publicUrl: 'https://crm.loja.com.br',
        ready: true,
        items: missing.items.map((i) => ({ ...i, ok: true })),
      }),
    );

    const box = await section();
    expect(await within(box).findByText('Tudo pronto para receber webhooks do WhatsApp.')).toBeInTheDocument();
    expect(within(box).getAllByRole('listitem')[0]).toHaveTextContent('https://crm.loja.com.br');
  });

  it('offers a retry when the check fails', async () => {
    let failing = true;
    renderWith(() => (failing ? apiError(500, 'Internal Server Error', 'boom') : json(200, missing)));
    const user = userEvent.setup();

    const box = await section();
    const retry = await within(box).findByRole('button', { name: 'Tentar novamente' });
    failing = false;
    await user.click(retry);
    expect(await within(box).findByText(/^Faltam configurar 2 itens/)).toBeInTheDocument();
  });
});
