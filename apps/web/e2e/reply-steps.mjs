// The reply loop of issue 12 in the browser: a lead writes on a Cloud API line (a signed webhook), an owner answers
// from the ticket, the fake Graph API takes the reply (pending, then sent), and a signed "read" status turns the ticks.
// Its own organization, so it does not depend on the data of scenario.mjs (it runs after it, in the same browser).
import assert from 'node:assert/strict';
import { postCloudWebhook } from './cloud-webhook.mjs';

const PHONE_NUMBER_ID = '106540352242922';
const LEAD_WA_ID = '5511955554444';
const LEAD_NAME = 'Lead Cloud E2E';
const PASSWORD = 'senha-forte-123';
const REPLY = 'Olá! Temos sim, qual o seu tamanho?';

/** `state`: baseUrl and context (run.mjs), graph (fake-graph.mjs) and appSecret (the API's WHATSAPP_APP_SECRET). */
export function replySteps(state) {
  const { baseUrl, graph, appSecret } = state;
  const email = `respostas-${Date.now()}@loja-e2e.com.br`;
  let token;
  let ticketId;
  let page;

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
  /** Posts a Cloud API webhook of the line, signed as Meta signs it. */
  const webhook = (value) =>
    postCloudWebhook({
      baseUrl,
      appSecret,
      line: { phoneNumberId: PHONE_NUMBER_ID, businessAccountId: '102290129340398', displayPhone: '5511940001234' },
      value,
    });
  const now = () => String(Math.floor(Date.now() / 1000));
  const reply = () =>
    page
      .getByRole('region', { name: /Conversa/ })
      .getByRole('listitem')
      .filter({ hasText: REPLY });

  return [
    [
      'a lead writes on a verified Cloud API line and the owner opens the ticket',
      async () => {
        token = (
          await api('POST', '/auth/register', {
            organizationName: 'Loja Respostas E2E',
            name: 'Rita Respostas',
            email,
            password: PASSWORD,
          })
        ).accessToken;
        const line = await api('POST', '/whatsapp-instances', {
          name: 'Cloud E2E',
          phoneNumber: '11 94000-1234',
          provider: 'cloud_api',
          providerPhoneNumberId: PHONE_NUMBER_ID,
          providerBusinessAccountId: '102290129340398',
        });
        await api('PATCH', `/whatsapp-instances/${line.id}`, { accessToken: 'EAAG-e2e-token' });
        await webhook({
          contacts: [{ profile: { name: LEAD_NAME }, wa_id: LEAD_WA_ID }],
          messages: [
            {
              from: LEAD_WA_ID,
              id: `wamid.IN${Date.now()}`,
              timestamp: now(),
              type: 'text',
              text: { body: 'Tem o 42?' },
            },
          ],
        });
        // The webhook is processed asynchronously: wait for its ticket.
        const deadline = Date.now() + 15_000;
        while (!ticketId) {
          ticketId = (await api('GET', '/tickets')).items[0]?.id;
          if (!ticketId && Date.now() > deadline) throw new Error('the webhook opened no ticket');
          if (!ticketId) await new Promise((done) => setTimeout(done, 200));
        }

        page = await state.context.newPage();
        page.on('pageerror', (error) => state.pageErrors.push(String(error)));
        // Whoever is signed in (scenario.mjs ends with an agent) signs out first.
        await page.goto(`${baseUrl}/dashboard/tickets`);
        const signOut = page.getByRole('button', { name: 'Sair' });
        await signOut.or(page.getByLabel('E-mail')).waitFor();
        if (await signOut.isVisible()) await signOut.click();
        await page.waitForURL('**/login**');
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Senha').fill(PASSWORD);
        await page.getByRole('button', { name: 'Entrar' }).click();
        await page.waitForURL(/\/dashboard\//);
        await page.goto(`${baseUrl}/dashboard/tickets`);
        await page.getByRole('link', { name: LEAD_NAME }).click();
        await page.waitForURL(`**/dashboard/tickets/${ticketId}`);
        await page
          .getByRole('region', { name: /Conversa/ })
          .getByText('Tem o 42?')
          .waitFor();
      },
    ],
    [
      'types a reply and presses Enter: pending at once, then sent once the Graph API took it',
      async () => {
        const box = page.getByRole('textbox', { name: 'Responder ao lead' });
        await box.fill(REPLY);
        await box.press('Enter');
        await reply().getByRole('img', { name: 'Enviando' }).waitFor();
        assert.equal(await box.inputValue(), '');
        await reply().getByRole('img', { name: 'Enviada' }).waitFor();
        const sends = graph.sends();
        assert.equal(sends.length, 1);
        assert.equal(sends[0].path, `/v21.0/${PHONE_NUMBER_ID}/messages`);
        assert.equal(sends[0].authorization, 'Bearer EAAG-e2e-token');
        assert.deepEqual(
          { to: sends[0].body.to, type: sends[0].body.type, text: sends[0].body.text.body },
          { to: LEAD_WA_ID, type: 'text', text: REPLY },
        );
        assert.match(await reply().textContent(), /Rita Respostas/);
      },
    ],
    [
      'a signed "read" status shows the read ticks',
      async () => {
        await webhook({
          statuses: [{ id: 'wamid.E2E1', status: 'read', timestamp: now(), recipient_id: LEAD_WA_ID }],
        });
        await reply().getByRole('img', { name: 'Lida' }).waitFor();
        assert.equal(await reply().getByRole('img', { name: 'Enviada' }).count(), 0);
        assert.deepEqual(state.pageErrors, []);
      },
    ],
  ];
}
