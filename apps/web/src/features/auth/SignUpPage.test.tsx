import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../test/fakeApi';
import { authResponse, stages } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

async function fillForm(password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Nome da empresa'), 'Loja da Maria');
  await user.type(screen.getByLabelText('Seu nome'), 'Maria Oliveira');
  await user.type(screen.getByLabelText('E-mail'), 'maria@lojadamaria.com.br');
  await user.type(screen.getByLabelText('Senha'), password);
  await user.click(screen.getByRole('button', { name: 'Criar conta' }));
}

describe('SignUpPage', () => {
  it('requires a password of at least 8 characters', async () => {
    const fetch = createFakeFetch({});
    renderApp('/signup', { fetch });

    await fillForm('short');

    expect(screen.getByLabelText('Senha')).toHaveAccessibleDescription(
      'A senha precisa ter pelo menos 8 caracteres. Mínimo de 8 caracteres.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a conflict from the API', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/register': () =>
        apiErrorWithCode(409, 'email_unavailable', 'This e-mail address cannot be used: sign in with it instead'),
    });
    renderApp('/signup', { fetch });

    await fillForm('senha-forte-123');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Este e-mail não pode ser usado: ele já pertence a uma conta.',
    );
  });

  it('says in pt-BR when the e-mail already has an account (email_unavailable)', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/register': () =>
        apiErrorWithCode(409, 'email_unavailable', 'This e-mail address cannot be used: sign in with it instead'),
    });
    renderApp('/signup', { fetch });

    await fillForm('senha-forte-123');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Este e-mail não pode ser usado: ele já pertence a uma conta.',
    );
    expect(screen.getByRole('link', { name: 'Entrar' })).toBeInTheDocument();
  });

  it('creates the account and signs in', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/register': () => json(201, authResponse),
      'GET /api/v1/stages': () => json(200, { items: stages }),
    });
    renderApp('/signup', { fetch });

    await fillForm('senha-forte-123');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/tickets'));
    const body: unknown = await fetch.mock.calls[0][0].clone().json();
    expect(body).toEqual({
      organizationName: 'Loja da Maria',
      name: 'Maria Oliveira',
      email: 'maria@lojadamaria.com.br',
      password: 'senha-forte-123',
    });
  });
});
