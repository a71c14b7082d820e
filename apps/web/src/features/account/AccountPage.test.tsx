import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../lib/session-store';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { agentMe } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const SLOW_FIRST_LOAD = { timeout: 15_000 };

async function changePassword(current: string, next: string) {
  await userEvent.type(await screen.findByLabelText('Senha atual', {}, SLOW_FIRST_LOAD), current);
  await userEvent.type(screen.getByLabelText('Nova senha'), next);
  await userEvent.type(screen.getByLabelText('Repita a nova senha'), next);
  await userEvent.click(screen.getByRole('button', { name: 'Alterar senha' }));
}

describe('AccountPage', () => {
  it('lets an agent change their password and keeps the session on the new token', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, agentMe),
      'POST /api/v1/auth/password': () => json(200, { accessToken: 'token-after-change' }),
    });
    renderApp('/dashboard/account', { fetch, storedToken: 'token' });
    expect(await screen.findByText('maria@lojadamaria.com.br', {}, SLOW_FIRST_LOAD)).toBeVisible();
    await changePassword('senha-antiga-1', 'senha-nova-123');

    expect(await screen.findByText('Senha alterada. Suas outras sessões foram encerradas.')).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-after-change');
    const [request] = fetch.mock.calls.find(([r]) => r.method === 'POST')!;
    expect(await request.clone().json()).toEqual({ currentPassword: 'senha-antiga-1', newPassword: 'senha-nova-123' });
    expect(screen.getByLabelText('Senha atual')).toHaveValue('');
  });

  it('marks a wrong current password on its field', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, agentMe),
      'POST /api/v1/auth/password': () =>
        apiErrorWithCode(400, 'invalid_input', 'currentPassword: The current password is not right', {
          details: [{ field: 'currentPassword', code: 'wrong_password', message: 'The current password is not right' }],
        }),
    });
    renderApp('/dashboard/account', { fetch, storedToken: 'token' });
    await changePassword('errada-demais', 'senha-nova-123');
    expect(await screen.findByText('A senha atual está incorreta.')).toBeInTheDocument();
    expect(screen.getByLabelText('Senha atual')).toHaveAccessibleDescription('A senha atual está incorreta.');
  });

  it('is reachable from the top bar', async () => {
    renderApp('/dashboard/settings/organization', {
      fetch: createFakeFetch({ 'GET /api/v1/auth/me': () => json(200, agentMe) }),
      storedToken: 'token',
    });
    await userEvent.click(await screen.findByRole('link', { name: /Minha conta/ }, SLOW_FIRST_LOAD));
    expect(await screen.findByRole('heading', { name: 'Minha conta' }, SLOW_FIRST_LOAD)).toBeInTheDocument();
  });
});
