// Issue 14 in the browser: the tickets list in one tab and a ticket's chat in another follow a lead's message (a signed
// Cloud API webhook) live: the row moves to the top with its preview and unread badge, the chat shows the message,
// without a reload. Then a new lead's first message shows up in the bell. Its own organization and line.
import assert from 'node:assert/strict';
import { leadText, postCloudWebhook, until } from './cloud-webhook.mjs';

const PHONE_NUMBER_ID = '106540352242944';
const BUSINESS_ACCOUNT_ID = '102290129340400';
const PASSWORD = 'senha-forte-123';
const FIRST = { waId: '5511955552201', name: 'Lead Antigo Tempo Real' };
const SECOND = { waId: '5511955552202', name: 'Lead Recente Tempo Real' };
const THIRD = { waId: '5511955552203', name: 'Lead Novo Tempo Real' };
const LIVE_TEXT = 'Ainda está disponível? Chegou agora!';
/** The issue asks for the screens to follow within 2 s. */
const LIVE_MS = 2000;

/** `state`: baseUrl and context (run.mjs), appSecret (the API's WHATSAPP_APP_SECRET). */
export function realtimeSteps(state) {
  const { baseUrl, appSecret } = state;
  const email = `tempo-real-${Date.now()}@loja-e2e.com.br`;
  let token;
  let list;
  let detail;
  const tickets = {};

  const api = async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const line = {
    phoneNumberId: PHONE_NUMBER_ID,
    businessAccountId: BUSINESS_ACCOUNT_ID,
    displayPhone: '5511940009012',
  };
  const leadWrites = (lead, text, secondsAgo = 0) =>
    postCloudWebhook({ baseUrl, appSecret, line, value: leadText(lead, text, secondsAgo) });
  const ticketOf = (lead) =>
    until(
      async () => (await api('GET', '/tickets?pageSize=100')).items.find((t) => t.leadName === lead.name)?.id,
      15_000,
      `a ticket for ${lead.name}`,
    );
  /**
   * Opens `path` in a new tab of the signed-in session, once the tab is live: it reads the stream itself, or hears it
   * from the tab that does (one stream for all the tabs, see sharedEventStream.ts).
   */
  const open = async (path) => {
    const page = await state.context.newPage();
    page.on('pageerror', (error) => state.pageErrors.push(String(error)));
    await page.goto(`${baseUrl}${path}`);
    await page.locator('[data-stream="open"]').waitFor({ state: 'attached' });
    // Set once: a reload would drop it.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    return page;
  };
  /** GET /events requests the browser has open (a stream never finishes while it is read). */
  const openStreams = new Set();
  const isStream = (request) => new URL(request.url()).pathname === '/api/v1/events';
  state.context.on('request', (request) => isStream(request) && openStreams.add(request));
  for (const end of ['requestfinished', 'requestfailed'])
    state.context.on(end, (request) => openStreams.delete(request));
  const rows = () => list.locator('tbody tr');
  const chat = () => detail.getByRole('region', { name: /Conversa/ });

  return [
    [
      'realtime: two leads write, the owner has the tickets list and the older ticket open in two tabs',
      async () => {
        token = (
          await api('POST', '/auth/register', {
            organizationName: 'Loja Tempo Real E2E',
            name: 'Téo Tempo Real',
            email,
            password: PASSWORD,
          })
        ).accessToken;
        await api('POST', '/whatsapp-instances', {
          name: 'Cloud Tempo Real',
          phoneNumber: '11 94000-9012',
          provider: 'cloud_api',
          providerPhoneNumberId: PHONE_NUMBER_ID,
          providerBusinessAccountId: BUSINESS_ACCOUNT_ID,
        });
        await leadWrites(FIRST, 'Oi, tudo bem?', 120);
        tickets.first = await ticketOf(FIRST);
        await leadWrites(SECOND, 'Qual o preço?', 60);
        tickets.second = await ticketOf(SECOND);

        // This session replaces whoever the earlier steps signed in (every tab of the browser shares the storage).
        const blank = await state.context.newPage();
        await blank.goto(`${baseUrl}/login`);
        await blank.evaluate((value) => window.localStorage.setItem('whatrack.accessToken', value), token);
        await blank.close();

        list = await open('/dashboard/tickets?sort=-lastMessageAt');
        await until(
          async () => (await rows().first().textContent())?.includes(SECOND.name),
          15_000,
          'the latest lead on top of the list',
        );
        assert.match((await rows().nth(1).textContent()) ?? '', new RegExp(FIRST.name));

        detail = await open(`/dashboard/tickets/${tickets.first}`);
        await chat().getByText('Oi, tudo bem?').waitFor();
        // Opening the ticket reads it: the list tab loses the badge without a reload (through the stream).
        await until(
          async () => (await rows().nth(1).locator('.queue-unread').count()) === 0,
          5000,
          'the read ticket losing its unread badge in the other tab',
        );
        // Every tab of the browser (the earlier steps' too) shares one stream: six would use up HTTP/1.1's sockets.
        await until(() => openStreams.size === 1, 5000, `one open stream (${openStreams.size})`);
      },
    ],
    [
      'realtime: a new message moves the row to the top with its preview and badge, and shows in the chat, live',
      async () => {
        await leadWrites(FIRST, LIVE_TEXT);
        await until(
          async () => {
            const top = rows().first();
            const text = (await top.textContent()) ?? '';
            return (
              text.includes(FIRST.name) &&
              text.includes(LIVE_TEXT) &&
              (await top.locator('.queue-unread').textContent())?.includes('1 mensagem não lida')
            );
          },
          LIVE_MS,
          'the row on top with the preview and the unread badge',
        );
        assert.match((await rows().nth(1).textContent()) ?? '', new RegExp(SECOND.name));
        await until(async () => (await chat().getByText(LIVE_TEXT).count()) === 1, LIVE_MS, 'the message in the chat');
        for (const page of [list, detail]) {
          assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
        }
      },
    ],
    [
      "realtime: a new lead's first message rings the bell, and its entry opens the ticket",
      async () => {
        await leadWrites(THIRD, 'Primeira vez aqui');
        const bell = list.getByRole('button', { name: 'Notificações: 1 não lida' });
        await bell.waitFor({ timeout: 10_000 });
        await bell.click();
        const entry = list.getByRole('dialog', { name: 'Notificações' }).getByRole('link', { name: /Novo ticket/ });
        await entry.click();
        await list.waitForURL(/\/dashboard\/tickets\/[0-9a-f-]{36}$/);
        await list
          .getByRole('region', { name: /Conversa/ })
          .getByText('Primeira vez aqui')
          .waitFor();
        await list.getByRole('button', { name: 'Notificações' }).waitFor();
        assert.deepEqual(state.pageErrors, []);
      },
    ],
  ];
}
