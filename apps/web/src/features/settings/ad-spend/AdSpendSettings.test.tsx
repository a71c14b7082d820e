import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const spend = {
  id: 'sp1',
  date: '2025-01-15',
  platform: 'google_ads',
  platformName: 'Google Ads',
  campaign: 'black_friday',
  spend: 250,
  createdAt: '2025-01-16T12:00:00.000Z',
  updatedAt: '2025-01-16T12:00:00.000Z',
};

function renderAdSpend(session: typeof me) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/ad-spend': () => json(200, { items: [spend], total: 1, page: 1, pageSize: 100, totalSpend: 250 }),
    'POST /api/v1/ad-spend': () => json(200, { received: 1, created: 1, updated: 0 }),
    'DELETE /api/v1/ad-spend/sp1': () => new Response(null, { status: 204 }),
  });
  renderApp('/dashboard/settings/ad-spend', { fetch, storedToken: 'token' });
  return fetch;
}

describe('AdSpendSettings by role', () => {
  it('shows agents the imported spend and its total, without import or delete', async () => {
    renderAdSpend(agentMe);

    const cell = await screen.findByRole('cell', { name: 'black_friday' });
    expect(screen.getByText('Total: R$ 250,00')).toBeInTheDocument();
    expect(within(cell.closest('tr')!).getByText('R$ 250,00')).toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem importar ou excluir investimentos.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Arquivo CSV')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Importar investimento' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Excluir/ })).not.toBeInTheDocument();
  });

  it('lets owners import a previewed file and delete a row', async () => {
    const fetch = renderAdSpend(me);
    const user = userEvent.setup();

    const content = 'date,platform,campaign,spend\n2025-01-16,meta_ads,verao,99.90\n';
    const csv = new File([content], 'gasto.csv', { type: 'text/csv' });
    // jsdom's File has no text(): the preview reads the file with it in browsers.
    Object.defineProperty(csv, 'text', { value: () => Promise.resolve(content) });
    await user.upload(await screen.findByLabelText('Arquivo CSV'), csv);
    expect(await screen.findByTestId('ad-spend-preview')).toHaveTextContent('meta_adsverao99.90');
    await user.click(screen.getByRole('button', { name: 'Importar 1 linha' }));
    expect(await screen.findByText('Importação concluída: 1 novas, 0 atualizadas.')).toBeInTheDocument();
    expect(screen.queryByTestId('ad-spend-preview')).not.toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Excluir black_friday 2025-01-15' }));

    await waitFor(() => expect(fetch.mock.calls.some(([request]) => request.method === 'DELETE')).toBe(true));
    expect(screen.queryByText(/Somente proprietários e administradores/)).not.toBeInTheDocument();
  });
});
