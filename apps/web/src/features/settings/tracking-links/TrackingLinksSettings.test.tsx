import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrackingLink, WhatsappInstance } from '@whatrack/api-client';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../../test/fakeApi';
import { agentMe, me, stages } from '../../../test/fixtures';
import { renderApp } from '../../../test/renderApp';

const LINE_ID = '0190a1b2-0000-7000-8000-0000000000a1';

const line: WhatsappInstance = {
  id: LINE_ID,
  name: 'Vendas SP',
  phoneNumber: '+5511987654321',
  provider: 'cloud_api',
  providerPhoneNumberId: '1234567890',
  providerBusinessAccountId: null,
  hasAccessToken: true,
  verified: true,
  conflicting: false,
  apiUrl: null,
  hasApiKey: false,
  webhookUrl: 'https://app.example.com/api/v1/webhooks/whatsapp/cloud',
  webhookToken: 'f'.repeat(48),
  createdAt: '2025-01-15T13:30:00.000Z',
};

function trackingLink(overrides: Partial<TrackingLink> = {}): TrackingLink {
  return {
    id: 'tl1',
    name: 'Google Ads - Tênis',
    instanceId: LINE_ID,
    message: 'Olá! Quero saber mais sobre o tênis',
    slug: 'k3m9x2pq7a',
    url: 'https://app.example.com/t/k3m9x2pq7a',
    clicks: 1234,
    tickets: 56,
    createdAt: '2025-01-16T12:00:00.000Z',
    ...overrides,
  };
}

function renderTrackingLinks(session: typeof me, initial: TrackingLink[] = [trackingLink()]) {
  const links = [...initial];
  const created: unknown[] = [];
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [line] }),
    'GET /api/v1/tracking-links': () => json(200, { items: links }),
    'POST /api/v1/tracking-links': async (request) => {
      const body = (await request.json()) as Pick<TrackingLink, 'instanceId' | 'name' | 'message'>;
      created.push(body);
      const link = trackingLink({
        ...body,
        id: 'tl2',
        slug: 'newslug123',
        url: 'https://app.example.com/t/newslug123',
        clicks: 0,
        tickets: 0,
      });
      links.push(link);
      return json(201, link);
    },
  });
  renderApp('/dashboard/settings/tracking-links', { fetch, storedToken: 'token' });
  return { fetch, created };
}

/** userEvent.setup() installs its own clipboard: replace it afterwards with the one under test. */
function stubClipboard(writeText: (text: string) => Promise<void>) {
  const stub = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: stub }, configurable: true });
  return stub;
}

describe('TrackingLinksSettings', () => {
  it('lists each link with its line and pt-BR formatted clicks and tickets', async () => {
    renderTrackingLinks(me);

    // The first test of the file waits for the lazy settings route to be transformed.
    const row = await screen.findByTestId('tracking-link-tl1', {}, { timeout: 15_000 });
    expect(within(row).getByText('Google Ads - Tênis', { selector: '.cell-title' })).toBeInTheDocument();
    expect(within(row).getByText('1.234')).toBeInTheDocument();
    expect(within(row).getByText('56')).toBeInTheDocument();
    expect(await within(row).findByText('Vendas SP')).toBeInTheDocument();
    expect(within(row).getByText('https://app.example.com/t/k3m9x2pq7a', { selector: 'code' })).toBeInTheDocument();
  });

  it('copies the link and confirms it, or shows it selectable when the clipboard refuses', async () => {
    renderTrackingLinks(me);
    const user = userEvent.setup();
    const writeText = stubClipboard(() => Promise.resolve());

    await user.click(await screen.findByRole('button', { name: 'Copiar link Google Ads - Tênis' }));

    expect(writeText).toHaveBeenCalledWith('https://app.example.com/t/k3m9x2pq7a');
    expect(await screen.findByText('Copiado')).toBeInTheDocument();

    stubClipboard(() => Promise.reject(new Error('denied')));
    await user.click(screen.getByRole('button', { name: 'Copiar link Google Ads - Tênis' }));

    const fallback = await screen.findByRole('textbox', { name: 'Link para copiar Google Ads - Tênis' });
    expect(fallback).toHaveValue('https://app.example.com/t/k3m9x2pq7a');
    expect(fallback).toHaveAttribute('readonly');
  });

  it('builds the URL with the typed UTMs, URL-encoded, and copies it', async () => {
    renderTrackingLinks(me);
    const user = userEvent.setup();

    await user.click(await screen.findByText('Montar URL com UTMs'));
    await user.type(screen.getByLabelText('utm_source (origem)'), 'google');
    await user.type(screen.getByLabelText('utm_medium (mídia)'), 'cpc');
    await user.type(screen.getByLabelText('utm_campaign (campanha)'), 'tênis & meias');
    await user.type(screen.getByLabelText('utm_term (termo)'), 'a=b');

    const expected =
      'https://app.example.com/t/k3m9x2pq7a?utm_source=google&utm_medium=cpc&utm_campaign=t%C3%AAnis+%26+meias&utm_term=a%3Db';
    expect(screen.getByTestId('utm-url-tl1')).toHaveTextContent(expected);
    expect(screen.getByText(/acrescentam o gclid e o fbclid sozinhos/)).toBeInTheDocument();

    const writeText = stubClipboard(() => Promise.resolve());
    await user.click(screen.getByRole('button', { name: 'Copiar link UTMs de Google Ads - Tênis' }));
    expect(writeText).toHaveBeenCalledWith(expected);
  });

  it('creates a link with the chosen line, name and message, and lists it', async () => {
    const { created } = renderTrackingLinks(me);
    const user = userEvent.setup();

    const form = (await screen.findByRole('heading', { name: 'Novo link de rastreamento' })).closest('section')!;
    // The only line is already chosen.
    expect(await within(form).findByLabelText('Linha de WhatsApp')).toHaveValue(LINE_ID);
    await user.type(within(form).getByLabelText('Nome'), '  Meta - Verão ');
    await user.type(within(form).getByLabelText('Mensagem pré-preenchida'), 'Oi! Vi o anúncio de verão');
    await user.click(within(form).getByRole('button', { name: 'Criar link' }));

    expect(await screen.findByTestId('tracking-link-tl2')).toHaveTextContent('Meta - Verão');
    expect(created).toEqual([{ instanceId: LINE_ID, name: 'Meta - Verão', message: 'Oi! Vi o anúncio de verão' }]);
    expect(screen.getByText('Link "Meta - Verão" criado.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Nome')).toHaveValue('');
  });

  it('asks for the required fields before sending', async () => {
    const { fetch } = renderTrackingLinks(me);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Criar link' }));

    expect(screen.getAllByText('Preencha este campo.')).toHaveLength(2);
    expect(fetch.mock.calls.some(([request]) => request.method === 'POST')).toBe(false);
  });

  it('shows agents the links without the create form', async () => {
    renderTrackingLinks(agentMe);

    expect(await screen.findByTestId('tracking-link-tl1')).toBeInTheDocument();
    expect(
      screen.getByText('Somente proprietários e administradores podem criar links de rastreamento.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Novo link de rastreamento' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Criar link' })).not.toBeInTheDocument();
  });

  it('explains what a tracking link is for when there is none', async () => {
    renderTrackingLinks(agentMe, []);

    expect(await screen.findByText('Nenhum link de rastreamento ainda.')).toBeInTheDocument();
    expect(screen.getByText(/leva do anúncio para o WhatsApp/)).toBeInTheDocument();
    expect(screen.getByText('Peça a um proprietário ou administrador para criar os links.')).toBeInTheDocument();
  });
});
