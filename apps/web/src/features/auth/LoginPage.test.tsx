import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../lib/session-store';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { authResponse, stages } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Senha'), password);
  await user.click(screen.getByRole('button', { name: 'Entrar' }));
}

describe('LoginPage', () => {
  it('says in pt-BR when the credentials are rejected', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => apiErrorWithCode(401, 'invalid_credentials', 'Invalid email or password'),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit('maria@lojadamaria.com.br', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail ou senha incorretos.');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();

    const request = fetch.mock.calls[0][0];
    expect(request.headers.get('Authorization')).toBeNull();
    expect(await request.clone().json()).toEqual({ email: 'maria@lojadamaria.com.br', password: 'wrong-password' });
  });

  it('says how long to wait when the e-mail is locked after too many attempts (429 login_locked)', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () =>
        apiErrorWithCode(429, 'login_locked', 'Too many sign-in attempts for this e-mail: try again in 42 s', {
          headers: { 'Retry-After': '42' },
        }),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit('maria@lojadamaria.com.br', 'secret-123');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Muitas tentativas de acesso com este e-mail. Tente novamente em 42 s.',
    );
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('keeps the message of the API for codes without a translation', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => apiErrorWithCode(418, 'teapot', 'I am a teapot'),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit('maria@lojadamaria.com.br', 'secret-123');

    expect(await screen.findByRole('alert')).toHaveTextContent('I am a teapot');
  });

  it('puts per-field details from the API next to the fields', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () =>
        apiErrorWithCode(400, 'invalid_input', 'email must be an email; password must be a string', {
          details: [
            { field: 'email', code: 'is_email', message: 'email must be an email' },
            { field: 'password', code: 'is_string', message: 'password must be a string' },
            { code: 'invalid_value', message: 'no field' },
          ],
        }),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit('maria@loja.com', 'secret-123');

    const alert = await screen.findByRole('alert');
    // The fields' own problems sit next to them; the alert lists only what no field shows.
    expect(alert).toHaveTextContent('Verifique os campos indicados.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['valor inválido.']);
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('E-mail inválido.');
    expect(screen.getByLabelText('Senha')).toHaveAccessibleDescription('Precisa ser um texto.');
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
  });

  it('validates the fields before calling the API', async () => {
    const fetch = createFakeFetch({});
    renderApp('/login', { fetch });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('E-mail'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('Informe um e-mail válido.');
    expect(screen.getByLabelText('Senha')).toHaveAccessibleDescription('Preencha este campo.');
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('explains network failures in the UI language', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit('maria@lojadamaria.com.br', 'secret-123');

    expect(await screen.findByRole('alert')).toHaveTextContent('Não foi possível falar com o servidor');
  });

  it('signs in, keeps the token and opens the dashboard without asking /auth/me again', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => json(200, authResponse),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/login', { fetch });

    await fillAndSubmit(' maria@lojadamaria.com.br ', 'secret-123');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/tickets'));
    expect(await screen.findByRole('heading', { name: 'Tickets', level: 1 })).toBeInTheDocument();
    expect(screen.getAllByText('Loja da Maria').length).toBeGreaterThan(0);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-from-login');
    const paths = fetch.mock.calls.map(([request]) => new URL(request.url).pathname);
    expect(paths).not.toContain('/api/v1/auth/me');
  });
});
