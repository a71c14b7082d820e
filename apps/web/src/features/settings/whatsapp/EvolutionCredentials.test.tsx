import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../../test/fakeApi';
import { me, stages, users } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const evolutionLine = (overrides: Record<string, unknown> = {}) => ({
  id: 'e1',
  name: 'Loja Sul',
  phoneNumber: '+5521987654321',
  provider: 'evolution' as const,
  providerPhoneNumberId: 'loja-sul',
  providerBusinessAccountId: null,
  hasAccessToken: false,
  verified: false,
  conflicting: false,
  apiUrl: null,
  hasApiKey: false,
  webhookUrl: 'https://app.example.com/api/v1/webhooks/whatsapp/evolution/e1',
  webhookToken: 'f'.repeat(48),
  createdAt: '2025-01-15T13:30:00.000Z',
  ...overrides,
});

function render(line: ReturnType<typeof evolutionLine>, patch: (body: Record<string, unknown>) => Response) {
  const patches: Record<string, unknown>[] = [];
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [line] }),
    'PATCH /api/v1/whatsapp-instances/e1': async (request) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push(body);
      return patch(body);
    },
  });
  renderApp('/dashboard/settings/whatsapp', { fetch, storedToken: 'token' });
  return { patches, user: userEvent.setup() };
}

const openEditor = async (user: ReturnType<typeof userEvent.setup>) => {
  const card = (await screen.findByRole('heading', { name: /Loja Sul/ })).closest('li')!;
  await user.click(within(card).getByRole('button', { name: 'Editar' }));
  return { card, dialog: screen.getByRole('dialog', { name: 'Editar linha' }) };
};

describe('Settings › WhatsApp: Evolution server credentials', () => {
  it('shows the key as not set, sends a typed URL and key, and shows the API error on its field', async () => {
    const line = evolutionLine();
    const { patches, user } = render(line, (body) =>
      body.apiUrl === 'http://192.168.0.10:8080'
        ? apiErrorWithCode(400, 'invalid_input', 'apiUrl: apiUrl must point at a public address', {
            details: [{ field: 'apiUrl', code: 'private_target', message: 'apiUrl must point at a public address' }],
          })
        : json(200, { ...line, apiUrl: body.apiUrl, hasApiKey: true }),
    );
    const { card, dialog } = await openEditor(user);
    expect(within(card).getByText('Não definida')).toBeInTheDocument();

    const url = within(dialog).getByLabelText('URL do servidor Evolution');
    const key = within(dialog).getByLabelText('Chave de API do Evolution');
    expect(key).toHaveAttribute('type', 'password');
    expect(within(dialog).getByText(/Chave não definida/)).toBeInTheDocument();
    await user.type(url, 'http://192.168.0.10:8080');
    await user.type(key, 'evo-typed-key');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));

    expect(
      await within(dialog).findByText('O endereço precisa ser público (não pode apontar para a rede interna).'),
    ).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(patches[0]).toMatchObject({ apiUrl: 'http://192.168.0.10:8080', apiKey: 'evo-typed-key' });

    await user.clear(url);
    await user.type(url, 'https://evolution.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Linha Loja Sul salva.')).toBeInTheDocument();
    expect(patches[1]).toMatchObject({ apiUrl: 'https://evolution.example.com', apiKey: 'evo-typed-key' });
  });

  it('keeps a set key unless replaced or removed, and asks for it again when the URL changes', async () => {
    const line = evolutionLine({ apiUrl: 'https://evolution.example.com', hasApiKey: true });
    const { patches, user } = render(line, (body) => json(200, { ...line, ...body, hasApiKey: body.apiKey !== null }));
    const { card, dialog } = await openEditor(user);
    expect(within(card).getByText('Definida')).toBeInTheDocument();
    expect(within(card).getByText('https://evolution.example.com')).toBeInTheDocument();
    expect(within(dialog).getByText(/Chave definida/)).toBeInTheDocument();

    const url = within(dialog).getByLabelText('URL do servidor Evolution');
    expect(url).toHaveValue('https://evolution.example.com');
    await user.clear(url);
    await user.type(url, 'https://evo2.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(
      await within(dialog).findByText(
        'Informe a chave novamente: uma chave salva nunca é enviada para um novo endereço.',
      ),
    ).toBeInTheDocument();
    expect(patches).toEqual([]);

    await user.click(within(dialog).getByLabelText('Remover a chave de API'));
    expect(within(dialog).getByLabelText('Chave de API do Evolution')).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Linha Loja Sul salva.')).toBeInTheDocument();
    expect(patches).toEqual([expect.objectContaining({ apiUrl: 'https://evo2.example.com', apiKey: null })]);
  });

  it('sends nothing about the credentials when they are left alone', async () => {
    const line = evolutionLine({ apiUrl: 'https://evolution.example.com', hasApiKey: true });
    const { patches, user } = render(line, () => json(200, line));
    const { dialog } = await openEditor(user);
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Linha Loja Sul salva.')).toBeInTheDocument();
    expect(Object.keys(patches[0])).not.toContain('apiUrl');
    expect(Object.keys(patches[0])).not.toContain('apiKey');
  });
});
