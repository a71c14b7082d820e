import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, stages, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const line = {
  id: 'i1',
  name: 'Loja Centro',
  phoneNumber: '+5511940001234',
  provider: 'cloud_api' as const,
  providerPhoneNumberId: '106540352242922',
  providerBusinessAccountId: null,
  hasAccessToken: true,
  verified: true,
  conflicting: false,
  apiUrl: null,
  hasApiKey: false,
  webhookUrl: 'https://app.example.com/api/v1/webhooks/whatsapp/cloud',
  webhookToken: null,
  createdAt: '2025-01-15T13:30:00.000Z',
};

const metaSettings = {
  enabled: true,
  datasetId: '1234567890123456',
  whatsappBusinessAccountId: null,
  graphApiBaseUrl: 'https://graph.facebook.com/v21.0',
  hasAccessToken: true,
  stageRule: null,
};

function renderAsAgent(path: string) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, agentMe),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [line] }),
    'GET /api/v1/conversions/meta-settings': () => json(200, metaSettings),
    'GET /api/v1/conversions': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
  });
  renderApp(path, { fetch, storedToken: 'token' });
}

describe('Settings seen by an agent', () => {
  it('shows the WhatsApp lines and their webhooks without add, edit or delete', async () => {
    renderAsAgent('/dashboard/settings/whatsapp');

    const card = (await screen.findByRole('heading', { name: /Loja Centro/ })).closest('li')!;
    expect(within(card).getByText(line.webhookUrl)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Editar' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Excluir' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nova linha' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem adicionar ou alterar linhas.'),
    ).toBeInTheDocument();
  });

  it('shows the company details disabled, without Save', async () => {
    renderAsAgent('/dashboard/settings/organization');

    expect(await screen.findByLabelText('Nome da empresa')).toBeDisabled();
    expect(screen.getByLabelText('Fuso horário')).toBeDisabled();
    expect(screen.getByLabelText('Moeda')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Salvar' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem alterar os dados da empresa.'),
    ).toBeInTheDocument();
  });

  it('keeps the Google Ads download and shows the Meta settings read-only', async () => {
    renderAsAgent('/dashboard/settings/conversions');

    expect(await screen.findByLabelText('ID do conjunto de dados (dataset)')).toHaveAttribute('readonly');
    expect(screen.getByRole('checkbox', { name: 'Enviar conversões ao Meta' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Salvar configurações' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem alterar as configurações do Meta.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Baixar CSV do Google Ads' })).toBeInTheDocument();
  });
});
