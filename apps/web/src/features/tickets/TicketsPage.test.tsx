import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json } from '../../test/fakeApi';
import { me, stages } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

describe('TicketsPage', () => {
  it('lists the stages in Kanban order', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });

    expect(await screen.findByText('3 etapas')).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Etapas do funil' });
    const chips = within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(chips).toEqual(['Novo', 'Em negociação', 'VendidoEncerra o ticket']);
  });

  it('shows an empty state when there are no stages', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => json(200, { items: [] }),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });

    expect(await screen.findByText('Nenhuma etapa cadastrada ainda.')).toBeInTheDocument();
  });

  it('shows the API error with a retry button', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => apiError(403, 'Forbidden', 'You cannot see the stages'),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You cannot see the stages');
    expect(within(alert).getByRole('button', { name: 'Tentar novamente' })).toBeInTheDocument();
  });
});
