import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

function renderStages(session: typeof me, items = stages) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items }),
  });
  renderApp('/dashboard/settings/stages', { fetch, storedToken: 'token' });
}

describe('StagesSettings by role', () => {
  it('shows agents the stages in order, read-only, and says who can change them', async () => {
    renderStages(agentMe);

    const list = (await screen.findByText('Em negociação')).closest('ol')!;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Novo', 'Em negociação', 'VendidoEncerra o ticket']);
    expect(screen.getByText('Somente proprietários e administradores podem alterar as etapas.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Nova etapa' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reordenar/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Excluir' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Cor de/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Arraste para reordenar/)).not.toBeInTheDocument();
  });

  it('tells agents to ask a manager when there are no stages', async () => {
    renderStages(agentMe, []);

    expect(
      await screen.findByText('Peça a um proprietário ou administrador para criar as etapas.'),
    ).toBeInTheDocument();
  });

  it('gives owners the create form and the rename, color, closing, reorder and delete controls', async () => {
    renderStages(me);

    const row = (await screen.findByRole('form', { name: 'Novo' })).closest('li')!;
    expect(within(row).getByRole('button', { name: 'Reordenar Novo' })).toBeInTheDocument();
    expect(within(row).getByRole('textbox', { name: 'Nome da etapa Novo' })).toBeInTheDocument();
    expect(within(row).getByLabelText('Cor de Novo')).toBeInTheDocument();
    expect(within(row).getByRole('checkbox', { name: 'Encerra o ticket' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Excluir' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nova etapa' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Adicionar etapa' })).toBeInTheDocument();
    expect(screen.queryByText(/Somente proprietários e administradores/)).not.toBeInTheDocument();
  });
});
