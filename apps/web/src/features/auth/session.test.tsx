import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../lib/session-store';
import { apiError, createFakeFetch, json } from '../../test/fakeApi';
import { me, stages } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

describe('session', () => {
  it('survives a reload: the stored token is validated with GET /auth/me', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/dashboard/kanban', { fetch, storedToken: 'stored-token' });

    expect(await screen.findByRole('heading', { name: 'Kanban', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Maria Oliveira')).toBeInTheDocument();
    expect(screen.getByText('Proprietário')).toBeInTheDocument();
    const meRequest = fetch.mock.calls[0][0];
    expect(new URL(meRequest.url).pathname).toBe('/api/v1/auth/me');
    expect(meRequest.headers.get('Authorization')).toBe('Bearer stored-token');
  });

  it('sends the user to /login when the stored token is rejected', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => apiError(401, 'Unauthorized', 'Invalid or expired token'),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'expired-token' });

    expect(await screen.findByRole('heading', { name: 'Entrar' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('sends the user to /login when any request answers 401 later on', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => apiError(401, 'Unauthorized', 'Token revoked'),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'revoked-token' });

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('redirects anonymous deep links to /login and comes back after signing in', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => json(200, { ...me, accessToken: 'new-token' }),
    });
    renderApp('/dashboard/reports', { fetch });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('E-mail'), 'maria@lojadamaria.com.br');
    await user.type(screen.getByLabelText('Senha'), 'secret-123');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByRole('heading', { name: 'Relatórios', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/reports');
  });

  it('logs out', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => json(200, { items: [] }),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'stored-token' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Sair' }));

    expect(await screen.findByRole('heading', { name: 'Entrar' })).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('keeps the token and offers a retry when the API cannot be reached', async () => {
    let online = false;
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => (online ? json(200, me) : Promise.reject(new TypeError('Failed to fetch'))),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/dashboard/tickets', { fetch, storedToken: 'stored-token' });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Não foi possível falar com o servidor/)).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('stored-token');

    online = true;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(await screen.findByRole('heading', { name: 'Tickets', level: 1 })).toBeInTheDocument();
  });
});
