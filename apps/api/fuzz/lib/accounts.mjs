// The principals (owner, agent, API key) and a few real resources of each kind, created through the API itself.
import { createHmac } from 'node:crypto';
import { cloudMessageBody, evolutionMessageBody } from './webhooks.mjs';

async function call(baseUrl, method, path, { token, apiKey, body, headers = {} } = {}) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`seeding: ${method} ${path} -> ${res.status}: ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : null;
}

const phone = (rng) => `+55 11 9${rng.digits(4)}-${rng.digits(4)}`;

/** Registers the organization and seeds it; answers the principals' headers and fills `ids`. */
export async function setUpAccounts({ baseUrl, rng, ids, cloudSecret, cloudPhoneNumberId }) {
  const stamp = Date.now();
  const password = 'fuzz-password-1';
  const owner = await call(baseUrl, 'POST', '/auth/register', {
    body: { organizationName: 'Fuzz Org', name: 'Fuzz Owner', email: `owner.${stamp}@example.com`, password },
  });
  const token = owner.accessToken;
  const as = (method, path, body) => call(baseUrl, method, path, { token, body });
  ids.add('user', owner.user.id, { protect: true });

  const agentEmail = `agent.${stamp}@example.com`;
  const agentUser = await as('POST', '/users', { name: 'Fuzz Agent', email: agentEmail, password, role: 'agent' });
  ids.add('user', agentUser.id, { protect: true });
  const agent = await call(baseUrl, 'POST', '/auth/login', { body: { email: agentEmail, password } });
  const admin = await as('POST', '/users', {
    name: 'Fuzz Admin',
    email: `admin.${stamp}@example.com`,
    password,
    role: 'admin',
  });
  ids.add('user', admin.id);

  const key = await as('POST', '/api-keys', { name: 'Fuzz key' });
  ids.add('apiKey', key.id, { protect: true });
  ids.add('apiKey', (await as('POST', '/api-keys', { name: 'Spare key' })).id);

  const cloud = await as('POST', '/whatsapp-instances', {
    name: 'Fuzz Cloud',
    phoneNumber: phone(rng),
    provider: 'cloud_api',
    providerPhoneNumberId: cloudPhoneNumberId,
    providerBusinessAccountId: rng.digits(15),
  });
  const evolution = await as('POST', '/whatsapp-instances', {
    name: 'Fuzz Evolution',
    phoneNumber: phone(rng),
    provider: 'evolution',
    providerPhoneNumberId: 'fuzz-evo',
  });
  for (const inst of [cloud, evolution]) ids.add('instance', inst.id, { protect: true });
  ids.add('evolutionInstance', evolution.id, { protect: true });
  const spareCloud = await as('POST', '/whatsapp-instances', {
    name: 'Spare Cloud',
    phoneNumber: phone(rng),
    provider: 'cloud_api',
    providerPhoneNumberId: rng.digits(15),
  });
  const spareEvolution = await as('POST', '/whatsapp-instances', {
    name: 'Spare Evolution',
    phoneNumber: phone(rng),
    provider: 'evolution',
    providerPhoneNumberId: 'spare-evo',
  });
  ids.add('instance', spareCloud.id);
  ids.add('instance', spareEvolution.id);
  ids.add('evolutionInstance', spareEvolution.id);

  const stages = (await as('GET', '/stages')).items;
  stages.forEach((s, i) => ids.add('stage', s.id, { protect: i === 0 }));
  for (const [name, color, isClosed] of [
    ['Proposta', '#8b5cf6', false],
    ['Perdido', '#ef4444', true],
  ]) {
    ids.add('stage', (await as('POST', '/stages', { name, color, isClosed })).id);
  }

  for (let i = 0; i < 4; i++) {
    const created = await as('POST', '/tickets', {
      instanceId: i % 2 ? evolution.id : cloud.id,
      lead: { name: `Lead ${i}`, phone: phone(rng), email: `lead.${stamp}.${i}@example.com` },
      ticket: {
        utmSource: 'google',
        utmMedium: 'cpc',
        utmCampaign: 'lead_gen',
        gclid: `Cj0K${rng.hex(20)}`,
        dealValue: 100 * (i + 1),
      },
    });
    const detail = await as('GET', `/tickets/${created.id}`);
    ids.add('ticket', created.id);
    ids.add('lead', detail.lead?.id);
    ids.add('conversation', detail.conversation?.id);
    for (let s = 0; s < 2; s++) {
      ids.add('sale', (await as('POST', `/tickets/${created.id}/sales`, { value: 50 + s, description: 'Venda' })).id);
    }
  }

  const link = await as('POST', '/tracking-links', { instanceId: cloud.id, name: 'Fuzz link', message: 'Olá!' });
  ids.add('trackingLink', link.id);
  ids.add('trackingSlug', link.slug, { protect: true });

  await as('POST', '/ad-spend', {
    rows: [
      { date: '2026-03-01', platform: 'google_ads', campaign: 'lead_gen', spend: 10 },
      { date: '2026-03-02', platform: 'meta_ads', campaign: 'ctwa', spend: 20 },
    ],
  });
  for (const row of (await as('GET', '/ad-spend')).items) ids.add('adSpend', row.id);

  // One real event of each provider, so /webhook-events/{id}/retry has ids to retry.
  const seedCtx = { rng, unique: () => `seed${rng.hex(6)}`, cloudPhoneNumberId };
  const cloudBody = JSON.stringify(cloudMessageBody(seedCtx));
  const signature = `sha256=${createHmac('sha256', cloudSecret).update(cloudBody).digest('hex')}`;
  await call(baseUrl, 'POST', '/webhooks/whatsapp/cloud', {
    body: cloudBody,
    headers: { 'x-hub-signature-256': signature },
  });
  await call(baseUrl, 'POST', `/webhooks/whatsapp/evolution/${evolution.id}`, {
    body: evolutionMessageBody(seedCtx),
    headers: { apikey: evolution.webhookToken },
  });
  for (const event of (await as('GET', '/webhook-events')).items) ids.add('webhookEvent', event.id);

  const principals = {
    owner: { headers: { authorization: `Bearer ${token}` } },
    agent: { headers: { authorization: `Bearer ${agent.accessToken}` } },
    apiKey: { headers: { 'x-api-key': key.key } },
    none: { headers: {} },
    both: { headers: { authorization: `Bearer ${agent.accessToken}`, 'x-api-key': key.key }, shownAs: 'agent' },
  };
  return { principals, evolutionToken: evolution.webhookToken, evolutionId: evolution.id, ownerToken: token };
}

export { call };
