// Demo data through the public API: an organization, a WhatsApp line, an agent, tickets from several origins, sales.
const LEADS = [
  ['João Silva', '11 99999-8888', 'instagram', 'paid', 1500, { fbclid: 'IwAR2xYz_demo' }],
  ['Maria Souza', '21 98888-1111', 'google', 'paid', 3200, { gclid: 'EAIaIQobChMI8demo' }],
  ['Carlos Pereira', '31 97777-2222', null, 'organic', 0, {}],
  ['Ana Lima', '41 96666-3333', 'facebook', 'paid', 890.5, { ctwaclid: 'ARAkLkA8demo' }],
  ['Beatriz Costa', '51 95555-4444', 'google', 'paid', 12500, { gclid: 'Cj0KCQiAdemo' }],
  ['Pedro Alves', '61 94444-5555', 'instagram', 'paid', 450, {}],
  ['Luciana Martins', '71 93333-6666', null, 'organic', 2100, {}],
  ['Rafael Gomes', '81 92222-7777', 'tiktok', 'paid', 780, { ttclid: 'E.C.P.demo' }],
];

export async function seedDemo(baseUrl) {
  let token = null;
  const call = async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const auth = await call('POST', '/auth/register', {
    organizationName: 'Loja da Maria',
    name: 'Maria Oliveira',
    email: `demo-${Date.now()}@lojadamaria.com.br`,
    password: 'senha-forte-123',
  });
  token = auth.accessToken;
  await call('POST', '/whatsapp-instances', {
    name: 'Atendimento Loja Centro',
    phoneNumber: '11 91234-5678',
    provider: 'cloud_api',
    providerPhoneNumberId: '106540352242922',
    providerBusinessAccountId: '102290129340398',
  });
  await call('POST', '/whatsapp-instances', {
    name: 'Loja Online',
    phoneNumber: '11 95678-1234',
    provider: 'evolution',
    providerPhoneNumberId: 'loja-online',
  });
  const agent = await call('POST', '/users', {
    name: 'Ana Souza',
    email: `ana-${Date.now()}@lojadamaria.com.br`,
    password: 'senha-forte-123',
    role: 'agent',
  });
  const { items: stages } = await call('GET', '/stages');
  const ids = [];
  for (const [index, [name, phone, utmSource, sourceType, dealValue, clickIds]] of LEADS.entries()) {
    const ticket = await call('POST', '/tickets', {
      lead: { name, phone },
      ticket: {
        ...(utmSource ? { utmSource, utmMedium: 'cpc', utmCampaign: 'black_friday' } : {}),
        ...clickIds,
        sourceType,
        dealValue,
        stageId: stages[index % stages.length].id,
        ...(index % 3 === 0 ? { assigneeId: agent.id } : {}),
      },
    });
    ids.push(ticket.id);
  }
  await call('PATCH', `/tickets/${ids[0]}`, { stageId: stages[1].id, dealValue: 1800 });
  await call('POST', `/tickets/${ids[0]}/sales`, { value: 1200, description: 'Tênis de corrida' });
  await call('POST', `/tickets/${ids[4]}/sales`, { value: 12500, description: 'Plano anual' });
  await call('POST', '/api-keys', { name: 'Site' });
  return { token, ticketId: ids[0] };
}
