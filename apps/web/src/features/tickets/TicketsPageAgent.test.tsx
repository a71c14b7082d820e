import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, stages, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function renderAsAgent() {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, agentMe),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([])),
  });
  renderApp('/dashboard/tickets', { fetch, storedToken: 'token' });
}

describe('TicketsPage for an agent', () => {
  it('does not send agents to settings they cannot change', async () => {
    renderAsAgent();

    expect(
      await screen.findByText(
        'Os tickets chegam pelas conversas do WhatsApp; você também pode criar um com “Novo ticket”.',
      ),
    ).toBeInTheDocument();
  });

  it('still lets agents open the new ticket form, and asks them to get a line connected', async () => {
    renderAsAgent();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Novo ticket' }));
    const dialog = screen.getByRole('dialog', { name: 'Novo ticket' });
    expect(
      await within(dialog).findByText('Peça a um proprietário ou administrador para conectar uma linha.'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('link', { name: 'Configurar WhatsApp' })).not.toBeInTheDocument();
  });
});
