import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function renderDashboard(path: string) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: [] }),
  });
  return renderApp(path, { fetch, storedToken: 'token' });
}

describe('DashboardLayout', () => {
  it('shows the organization, the user and the navigation', async () => {
    renderDashboard('/dashboard/reports');

    const nav = await screen.findByRole('navigation', { name: 'Navegação principal' });
    expect(await screen.findByRole('heading', { name: 'Relatórios', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Relatórios' })).toHaveAttribute('aria-current', 'page');
    expect(nav).toHaveTextContent('TicketsKanbanInboundsRelatóriosConfigurações');
    expect(screen.getAllByText('Loja da Maria')).toHaveLength(2); // sidebar and top bar
    expect(screen.getByText('Maria Oliveira')).toBeInTheDocument();
    expect(screen.getByText(/De onde vêm os tickets e as vendas/)).toBeInTheDocument();
  });

  it('opens the navigation drawer and closes it with Escape', async () => {
    renderDashboard('/dashboard/tickets');
    const user = userEvent.setup();

    const menuButton = await screen.findByRole('button', { name: 'Abrir menu' });
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Tickets' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    expect(menuButton).toHaveFocus();
  });

  it('switches the interface to English', async () => {
    renderDashboard('/dashboard/tickets');
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Idioma' }), 'en');

    expect(await screen.findByRole('link', { name: 'Reports' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a not-found page for unknown dashboard routes', async () => {
    renderDashboard('/dashboard/nope');
    expect(await screen.findByRole('heading', { name: 'Página não encontrada' })).toBeInTheDocument();
  });
});
