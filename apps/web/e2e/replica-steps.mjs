// Issue 14 across API processes (PostgreSQL only): the browser is connected to replica B, whose webhook worker is off,
// while the writes go to process A: a ticket created through A, a lead's message that A's worker processes, and a stage
// change by another user of the organization. B's screens follow each within 2 s, without a reload.
import assert from 'node:assert/strict';
import { leadText, postCloudWebhook, until } from './cloud-webhook.mjs';

const PHONE_NUMBER_ID = '106540352242977';
const BUSINESS_ACCOUNT_ID = '102290129340477';
const PASSWORD = 'senha-forte-123';
const LEAD = { waId: '5511955553301', name: 'Lead Réplica A' };
const CREATED = 'Cliente Criado Em A';
const LIVE_MS = 2000;

/** `state`: baseUrl (process A), replicaUrl (process B), context and appSecret (run.mjs). */
export function replicaSteps(state) {
  const { baseUrl: writerUrl, replicaUrl, appSecret } = state;
  const email = `replica-${Date.now()}@loja-e2e.com.br`;
  const agentEmail = `replica-agente-${Date.now()}@loja-e2e.com.br`;
  const tokens = {};
  let list;
  let stages;

  /** A request to process A, as `who` (owner or agent). */
  const writer = async (who, method, path, body) => {
    const token = tokens[who];
    const response = await fetch(`${writerUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} on A: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const rowOf = (name) => list.locator('tbody tr', { hasText: name });
  /** GET /events requests open from replica B's pages (the stream never finishes while it is read). */
  const replicaStreams = new Set();
  const isReplicaStream = (request) => request.url() === `${replicaUrl}/api/v1/events`;
  state.context.on('request', (request) => isReplicaStream(request) && replicaStreams.add(request));
  for (const end of ['requestfinished', 'requestfailed'])
    state.context.on(end, (request) => replicaStreams.delete(request));

  return [
    [
      'replicas: the owner has the tickets list open on replica B while another process takes the writes',
      async () => {
        const registered = await writer(null, 'POST', '/auth/register', {
          organizationName: 'Loja Réplicas E2E',
          name: 'Rita Réplica',
          email,
          password: PASSWORD,
        });
        tokens.owner = registered.accessToken;
        await writer('owner', 'POST', '/users', { name: 'Alex Agente', email: agentEmail, password: PASSWORD });
        tokens.agent = (
          await writer(null, 'POST', '/auth/login', { email: agentEmail, password: PASSWORD })
        ).accessToken;
        await writer('owner', 'POST', '/whatsapp-instances', {
          name: 'Cloud Réplicas',
          phoneNumber: '11 94000-9077',
          provider: 'cloud_api',
          providerPhoneNumberId: PHONE_NUMBER_ID,
          providerBusinessAccountId: BUSINESS_ACCOUNT_ID,
        });
        stages = (await writer('owner', 'GET', '/stages')).items;

        list = await state.context.newPage();
        list.on('pageerror', (error) => state.pageErrors.push(String(error)));
        await list.goto(`${replicaUrl}/login`);
        await list.evaluate((value) => window.localStorage.setItem('whatrack.accessToken', value), tokens.owner);
        await list.goto(`${replicaUrl}/dashboard/tickets`);
        await list.locator('[data-stream="open"]').waitFor({ state: 'attached' });
        await list.evaluate(() => {
          window.__sameDocument = true;
        });
        await until(() => replicaStreams.size === 1, 5000, 'one stream open on replica B');
      },
    ],
    [
      'replicas: a ticket created through A shows on B',
      async () => {
        await writer('owner', 'POST', '/tickets', { lead: { name: CREATED, phone: '+5511955553399' } });
        await until(async () => (await rowOf(CREATED).count()) === 1, LIVE_MS, 'the ticket created on A in B’s list');
      },
    ],
    [
      "replicas: a lead's message processed by A's worker shows on B with its preview and badge",
      async () => {
        const line = {
          phoneNumberId: PHONE_NUMBER_ID,
          businessAccountId: BUSINESS_ACCOUNT_ID,
          displayPhone: '5511940009077',
        };
        await postCloudWebhook({
          baseUrl: writerUrl,
          appSecret,
          line,
          value: leadText(LEAD, 'Mensagem pelo processo A'),
        });
        await until(
          async () => {
            const row = rowOf(LEAD.name);
            return (
              (await row.count()) === 1 &&
              ((await row.textContent()) ?? '').includes('Mensagem pelo processo A') &&
              ((await row.locator('.queue-unread').textContent()) ?? '').includes('1 mensagem não lida')
            );
          },
          LIVE_MS,
          'the message processed on A in B’s list',
        );
      },
    ],
    [
      'replicas: a stage change by another user through A shows on B',
      async () => {
        const { items } = await writer('agent', 'GET', `/tickets?q=${encodeURIComponent(CREATED)}`);
        const next = stages.find((stage) => stage.id !== items[0].stage.id);
        await writer('agent', 'PATCH', `/tickets/${items[0].id}`, { stageId: next.id });
        await until(
          async () => (await rowOf(CREATED).locator('select').first().inputValue()) === next.id,
          LIVE_MS,
          'the stage changed on A in B’s row',
        );
        assert.equal(await list.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
        assert.deepEqual(state.pageErrors, []);
      },
    ],
  ];
}
