import type { QuickReply } from '@whatrack/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiErrorWithCode, createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const PRICE: QuickReply = {
  id: 'q1',
  shortcut: 'preco',
  title: 'Tabela de preços',
  text: 'Olá {{lead.firstName}}! Os preços estão no site.',
  createdAt: '2025-01-15T13:30:00.000Z',
  updatedAt: '2025-01-15T13:30:00.000Z',
};

type Routes = Parameters<typeof createFakeFetch>[0];

function renderPage({
  session = me,
  items = [PRICE],
  routes = {},
}: { session?: typeof me; items?: QuickReply[]; routes?: Routes } = {}) {
  let stored = items;
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/quick-replies': () => json(200, { items: stored }),
    'POST /api/v1/quick-replies': async (request) => {
      const body = (await request.clone().json()) as Pick<QuickReply, 'shortcut' | 'title' | 'text'>;
      const created = { ...PRICE, id: 'q2', ...body, shortcut: body.shortcut.replace(/^\//, '').toLowerCase() };
      stored = [...stored, created];
      return json(201, created);
    },
    'PATCH /api/v1/quick-replies/q1': async (request) => {
      const body = (await request.clone().json()) as Partial<QuickReply>;
      stored = stored.map((item) => (item.id === 'q1' ? { ...item, ...body } : item));
      return json(
        200,
        stored.find((item) => item.id === 'q1'),
      );
    },
    'DELETE /api/v1/quick-replies/q1': () => {
      stored = stored.filter((item) => item.id !== 'q1');
      return new Response(null, { status: 204 });
    },
    ...routes,
  });
  renderApp('/dashboard/settings/quick-replies', { fetch, storedToken: 'token' });
  return fetch;
}

const calls = (fetch: ReturnType<typeof createFakeFetch>, method: string) =>
  fetch.mock.calls.map(([request]) => request).filter((request) => request.method === method);

describe('QuickRepliesSettings', () => {
  it('shows agents the quick replies read-only, reachable from the settings menu', async () => {
    renderPage({ session: agentMe });

    const nav = await screen.findByRole('navigation', { name: 'Seções das configurações' });
    expect(within(nav).getByRole('link', { name: 'Respostas rápidas' })).toHaveAttribute(
      'href',
      '/dashboard/settings/quick-replies',
    );
    const item = (await screen.findByText('/preco')).closest('li')!;
    expect(item).toHaveTextContent('Tabela de preços');
    expect(item).toHaveTextContent('Olá {{lead.firstName}}! Os preços estão no site.');
    expect(screen.getByText(/Somente proprietários e administradores podem criar/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Editar /preco' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Excluir /preco' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Nova resposta rápida' })).not.toBeInTheDocument();
  });

  it('tells agents to ask a manager when there are none', async () => {
    renderPage({ session: agentMe, items: [] });
    expect(await screen.findByText('Peça a um proprietário ou administrador para criá-las.')).toBeInTheDocument();
  });

  it('shows a failed load with a retry', async () => {
    let failures = 0;
    renderPage({
      routes: {
        'GET /api/v1/quick-replies': () => {
          failures += 1;
          return failures <= 4 ? apiErrorWithCode(500, 'internal_error', 'boom') : json(200, { items: [PRICE] });
        },
      },
    });
    const retry = await screen.findByRole('button', { name: 'Tentar novamente' }, { timeout: 5000 });
    await userEvent.setup().click(retry);
    expect(await screen.findByText('/preco')).toBeInTheDocument();
  });

  it('checks the text before saving, then creates a quick reply that the list shows', async () => {
    const fetch = renderPage({ items: [] });
    const user = userEvent.setup();
    expect(await screen.findByText('Crie a primeira no formulário abaixo.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Atalho' }), '/Frete');
    await user.type(screen.getByRole('textbox', { name: 'Título' }), 'Frete grátis');
    const text = screen.getByRole('textbox', { name: 'Texto' });
    await user.type(text, 'Oi {{{{ticket.number}}, frete grátis!');
    await user.click(screen.getByRole('button', { name: 'Adicionar resposta rápida' }));
    expect(text).toHaveAccessibleDescription(/Variável desconhecida: \{\{ticket\.number\}\}/);
    expect(calls(fetch, 'POST')).toHaveLength(0);

    await user.clear(text);
    await user.type(text, 'Oi ');
    await user.click(screen.getByRole('button', { name: '{{lead.firstName}}' }));
    await user.type(text, ', frete grátis!');
    expect(text).toHaveValue('Oi {{lead.firstName}}, frete grátis!');
    await user.click(screen.getByRole('button', { name: 'Adicionar resposta rápida' }));

    await waitFor(() => expect(calls(fetch, 'POST')).toHaveLength(1));
    expect(await calls(fetch, 'POST')[0].clone().json()).toEqual({
      shortcut: '/Frete',
      title: 'Frete grátis',
      text: 'Oi {{lead.firstName}}, frete grátis!',
    });
    expect(await screen.findByText('/frete')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Atalho' })).toHaveValue('');
  });

  it('shows a taken shortcut next to its field', async () => {
    renderPage({
      routes: {
        'POST /api/v1/quick-replies': () =>
          apiErrorWithCode(409, 'quick_reply_shortcut_taken', 'Another quick reply already has the shortcut /preco', {
            details: [{ field: 'shortcut', code: 'already_exists', message: 'taken' }],
          }),
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Atalho' }), 'Preço');
    await user.type(screen.getByRole('textbox', { name: 'Título' }), 'Outra');
    await user.type(screen.getByRole('textbox', { name: 'Texto' }), 'Outro texto');
    await user.click(screen.getByRole('button', { name: 'Adicionar resposta rápida' }));

    expect(await screen.findByText('Já existe uma resposta rápida com o atalho /preco.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Atalho' })).toHaveAccessibleDescription(/Já existe/);
  });

  it('edits and deletes a quick reply with the keyboard', async () => {
    const fetch = renderPage();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Editar /preco' }));
    const form = screen.getByRole('form', { name: 'Editar /preco' });
    const title = within(form).getByRole('textbox', { name: 'Título' });
    await user.clear(title);
    await user.type(title, 'Preços 2025{Enter}');
    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(1));
    expect(await calls(fetch, 'PATCH')[0].clone().json()).toEqual({
      shortcut: 'preco',
      title: 'Preços 2025',
      text: PRICE.text,
    });
    expect(await screen.findByText('Preços 2025')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Editar /preco' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Editar /preco' })).toHaveFocus();

    screen.getByRole('button', { name: 'Excluir /preco' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Excluir a resposta rápida /preco?' });
    await user.click(within(dialog).getByRole('button', { name: 'Excluir' }));
    await waitFor(() => expect(calls(fetch, 'DELETE')).toHaveLength(1));
    expect(await screen.findByText('Nenhuma resposta rápida ainda')).toBeInTheDocument();
  });
});
