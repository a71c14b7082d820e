import type { User } from '@whatrack/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, user, users } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const agent = users[1];

function renderTeam(session = me, initial: User[] = users, { emailed = false } = {}) {
  let members = initial;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/users': () => json(200, { items: members }),
    'PATCH /api/v1/users/b1d2c3e4-0000-4000-8000-000000000002': async (request) => {
      const body = (await request.clone().json()) as Partial<User>;
      members = members.map((m) => (m.id === agent.id ? { ...m, ...body } : m));
      return json(
        200,
        members.find((m) => m.id === agent.id),
      );
    },
    'PATCH /api/v1/users/a7c2f1d4-3b7e-4c55-8f0e-2d9b6e1a4c33': () =>
      apiErrorWithCode(422, 'last_owner', 'The organization needs an active owner'),
    'POST /api/v1/auth/password-reset': () =>
      json(201, {
        url: 'https://app.example.com/redefinir-senha?token=abc123',
        expiresAt: '2025-01-15T14:30:00.000Z',
        emailed,
      }),
  });
  renderApp('/dashboard/settings/team', { fetch, storedToken: 'token' });
  return fetch;
}

/** A member's row, found by e-mail (names also appear in the top bar and in the buttons' hidden labels). */
const rowOf = async (email: string) => (await screen.findByText(email, {}, { timeout: 15_000 })).closest('tr')!;

async function sentBodies(fetch: ReturnType<typeof createFakeFetch>, method: string): Promise<unknown[]> {
  const calls = fetch.mock.calls.filter(([request]) => request.method === method);
  return Promise.all(calls.map(([request]) => request.clone().json() as Promise<unknown>));
}

describe('TeamSettings member actions', () => {
  it('changes a role from the row select and says so', async () => {
    const fetch = renderTeam();
    const row = await rowOf('ana@loja.com');
    await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Papel de Ana Souza' }), 'admin');

    expect(await screen.findByText('Ana Souza agora é Administrador.')).toBeInTheDocument();
    expect(await sentBodies(fetch, 'PATCH')).toEqual([{ role: 'admin' }]);
    expect(within(row).getByRole('combobox', { name: 'Papel de Ana Souza' })).toHaveValue('admin');
  });

  it('deactivates and reactivates a member, the status following', async () => {
    const fetch = renderTeam();
    const row = await rowOf('ana@loja.com');
    expect(within(row).getByText('Ativo')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Desativar Ana Souza' }));
    expect(await within(row).findByText('Desativado')).toBeInTheDocument();
    expect(screen.getByText(/Ana Souza foi desativado\(a\)/)).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Gerar link/ })).not.toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Reativar Ana Souza' }));
    expect(await within(row).findByText('Ativo')).toBeInTheDocument();
    expect(await sentBodies(fetch, 'PATCH')).toEqual([{ active: false }, { active: true }]);
  });

  it('keeps the last owner: role select disabled with the reason, no deactivate button for yourself', async () => {
    renderTeam();
    const row = await rowOf('maria@lojadamaria.com.br');
    const select = within(row).getByRole('combobox', { name: 'Papel de Maria Oliveira' });
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription(/Único proprietário ativo/);
    expect(within(row).queryByRole('button', { name: /Desativar/ })).not.toBeInTheDocument();
  });

  it('shows the API reason when a change is refused', async () => {
    const second = {
      ...user,
      id: 'c0000000-0000-4000-8000-000000000003',
      name: 'Bia Lima',
      email: 'bia@loja.com',
      role: 'owner' as const,
    };
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/users': () => json(200, { items: [user, second] }),
      'PATCH /api/v1/users/c0000000-0000-4000-8000-000000000003': () =>
        apiErrorWithCode(422, 'last_owner', 'The organization needs an active owner'),
    });
    renderApp('/dashboard/settings/team', { fetch, storedToken: 'token' });
    const row = await rowOf('bia@loja.com');
    await userEvent.click(within(row).getByRole('button', { name: 'Desativar Bia Lima' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A empresa precisa de um proprietário ativo: torne outra pessoa proprietária antes.',
    );
  });

  it('generates a reset link, shows it with a copy button and says it was not e-mailed', async () => {
    const fetch = renderTeam();
    const row = await rowOf('ana@loja.com');
    await userEvent.click(within(row).getByRole('button', { name: 'Gerar link de redefinição de senha Ana Souza' }));

    const link = await screen.findByTestId('reset-link');
    const notice = link.closest<HTMLElement>('[role="status"]')!;
    expect(link).toHaveTextContent('https://app.example.com/redefinir-senha?token=abc123');
    expect(within(notice).getByRole('button', { name: /Copiar/ })).toBeInTheDocument();
    expect(within(notice).getByText(/não está configurado/)).toBeInTheDocument();
    expect(await sentBodies(fetch, 'POST')).toEqual([{ userId: agent.id }]);
  });

  it('says when the link was e-mailed', async () => {
    renderTeam(me, users, { emailed: true });
    const row = await rowOf('ana@loja.com');
    await userEvent.click(within(row).getByRole('button', { name: /Gerar link de redefinição/ }));
    expect(await screen.findByText('O link também foi enviado por e-mail para ana@loja.com.')).toBeInTheDocument();
  });

  it('gives agents the list without controls', async () => {
    renderTeam(agentMe);
    const row = await rowOf('maria@lojadamaria.com.br');
    expect(within(row).getByText('Proprietário')).toBeInTheDocument();
    const table = row.closest('table')!;
    expect(within(table).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(table).queryByRole('button')).not.toBeInTheDocument();
  });
});
