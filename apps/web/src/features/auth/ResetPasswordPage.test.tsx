import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const SLOW_FIRST_LOAD = { timeout: 15_000 };

async function fillAndSubmit(password: string, confirmation = password) {
  await userEvent.type(await screen.findByLabelText('Nova senha', {}, SLOW_FIRST_LOAD), password);
  await userEvent.type(screen.getByLabelText('Repita a nova senha'), confirmation);
  await userEvent.click(screen.getByRole('button', { name: 'Salvar nova senha' }));
}

describe('ResetPasswordPage', () => {
  it('sets the new password with the link token, then goes to sign in', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/password-reset/confirm': () => new Response(null, { status: 204 }),
    });
    renderApp('/redefinir-senha?token=tok-123', { fetch });
    await fillAndSubmit('nova-senha-forte');

    expect(await screen.findByRole('heading', { name: 'Entrar' }, SLOW_FIRST_LOAD)).toBeInTheDocument();
    expect(screen.getByText('Senha redefinida. Entre com a nova senha.')).toBeInTheDocument();
    const [request] = fetch.mock.calls.find(([r]) => r.method === 'POST')!;
    expect(await request.clone().json()).toEqual({ token: 'tok-123', password: 'nova-senha-forte' });
  });

  it('checks the passwords before sending', async () => {
    const fetch = createFakeFetch({});
    renderApp('/redefinir-senha?token=tok-123', { fetch });
    await fillAndSubmit('curta');
    expect(screen.getByText('A senha precisa ter pelo menos 8 caracteres.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Nova senha'));
    await fillAndSubmit('nova-senha-forte', 'outra-coisa-123');
    expect(screen.getByText('As senhas não conferem.')).toBeInTheDocument();
    expect(fetch.mock.calls.filter(([r]) => r.method === 'POST')).toHaveLength(0);
  });

  it('says when the link was already used', async () => {
    const fetch = createFakeFetch({
      'POST /api/v1/auth/password-reset/confirm': () =>
        apiErrorWithCode(400, 'reset_token_used', 'This password reset link was already used', {
          details: [{ field: 'token', code: 'reset_token_used', message: 'already used' }],
        }),
    });
    renderApp('/redefinir-senha?token=tok-123', { fetch });
    await fillAndSubmit('nova-senha-forte');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Este link de redefinição já foi usado. Peça um novo link.',
    );
  });

  it('explains a link without a token', async () => {
    renderApp('/redefinir-senha', { fetch: createFakeFetch({}) });
    expect(await screen.findByRole('alert', {}, SLOW_FIRST_LOAD)).toHaveTextContent(/Este link está incompleto/);
  });
});
