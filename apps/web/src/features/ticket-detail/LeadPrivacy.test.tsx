import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function renderTicket(session: typeof me) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail()),
    'GET /api/v1/conversations/c1/messages': () => json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    'GET /api/v1/leads/l1/export': () =>
      new Response(JSON.stringify({ lead: { id: 'l1' } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="lead-l1.json"' },
      }),
    'POST /api/v1/leads/l1/erase': () =>
      json(200, { leadId: 'l1', erasedAt: '2026-01-01T00:00:00.000Z', erasedNow: true }),
  });
  renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  return fetch;
}

const leadCard = async () =>
  (await screen.findByRole('heading', { name: 'Lead', level: 2 })).closest('section') as HTMLElement;

describe('LeadCard privacy (LGPD)', () => {
  it('is not offered to agents', async () => {
    renderTicket(agentMe);
    const card = await leadCard();
    expect(await within(card).findByText('João Silva')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Exportar dados' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Apagar dados pessoais' })).not.toBeInTheDocument();
  });

  it('lets a manager download the export and erase after typing the confirmation', async () => {
    const createObjectURL = vi.fn(() => 'blob:lead');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const fetch = renderTicket(me);
    const user = userEvent.setup();
    const card = await leadCard();

    await user.click(await within(card).findByRole('button', { name: 'Exportar dados' }));
    await waitFor(() => expect(saved).toEqual(['lead-l1.json']));

    await user.click(within(card).getByRole('button', { name: 'Apagar dados pessoais' }));
    const dialog = screen.getByRole('dialog', { name: 'Apagar os dados pessoais deste lead?' });
    expect(within(dialog).getByText(/as vendas, para que os relatórios não mudem/)).toBeInTheDocument();
    const erases = () => fetch.mock.calls.filter(([request]) => request.method === 'POST');
    await user.click(within(dialog).getByRole('button', { name: 'Apagar dados pessoais' }));
    expect(erases()).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Digite APAGAR para confirmar'), 'APAGAR');
    await user.click(within(dialog).getByRole('button', { name: 'Apagar dados pessoais' }));
    await waitFor(() => expect(erases()).toHaveLength(1));
    expect(await erases()[0][0].json()).toEqual({ confirm: 'l1' });
    expect(await within(card).findByText('Lead apagado')).toBeInTheDocument();
  });
});
