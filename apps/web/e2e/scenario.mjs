// The browser scenario of the issue: sign up, WhatsApp line, ticket, filter, Kanban drag, deal value, sale, API key,
// deep-link reload. Each step builds on the previous ones.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EMAIL = `e2e-${Date.now()}@loja-e2e.com.br`;

/** Presses on the card, moves past the activation distance in small steps, and drops on the target column. */
async function drag(page, source, target) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  assert.ok(from && to, 'the card and the column are on screen');
  const x = from.x + from.width / 2;
  const y = from.y + from.height - 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 6, { steps: 6 });
  const tx = to.x + to.width / 2;
  const ty = to.y + Math.min(140, to.height / 2);
  await page.mouse.move(tx, ty, { steps: 25 });
  await page.mouse.move(tx + 2, ty + 2, { steps: 2 });
  await page.mouse.up();
}

/** Waits until the text of the locator matches. */
async function waitForText(locator, expected, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ');
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`expected ${String(expected)} in "${last}"`);
}

const CAMPAIGN = 'campanha_e2e';
const GCLID = 'Cj0KCQiAe2e-gclid_123';
/** Today in the organization time zone (YYYY-MM-DD). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());

const isPatchOf = (response) => response.request().method() === 'PATCH' && /\/api\/v1\/tickets\//.test(response.url());

export function scenario(state) {
  const { baseUrl } = state;
  let page;
  let ticketId;
  const indicator = (name) => page.getByTestId(`indicator-${name}`);
  const nav = (name) => page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name });

  return [
    [
      'sign up creates the organization and opens the tickets',
      async () => {
        page = await state.context.newPage();
        page.on('pageerror', (error) => state.pageErrors.push(String(error)));
        await page.goto(`${baseUrl}/signup`);
        await page.getByLabel('Nome da empresa').fill('Loja E2E');
        await page.getByLabel('Seu nome').fill('Maria E2E');
        await page.getByLabel('E-mail').fill(EMAIL);
        await page.getByLabel('Senha').fill('senha-forte-123');
        await page.getByRole('button', { name: 'Criar conta' }).click();
        await page.waitForURL('**/dashboard/tickets');
        await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
        await page.getByText('Nenhum ticket ainda.').waitFor();
      },
    ],
    [
      'creates a WhatsApp line and shows its webhook URL',
      async () => {
        await nav('Configurações').click();
        await page.getByRole('link', { name: 'WhatsApp', exact: true }).click();
        await page.getByText('Nenhuma linha de WhatsApp conectada.').waitFor();
        await page.getByRole('button', { name: 'Nova linha' }).click();
        const dialog = page.getByRole('dialog', { name: 'Nova linha de WhatsApp' });
        await dialog.getByLabel('Nome da linha').fill('Atendimento E2E');
        await dialog.getByLabel('Número do WhatsApp').fill('11 98888-7777');
        await dialog.getByLabel('Provedor').selectOption('evolution');
        await dialog.getByLabel('Nome da instância').fill('loja-e2e');
        await dialog.getByRole('button', { name: 'Adicionar linha' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('heading', { name: /Atendimento E2E/ }).waitFor();
        const url = await page.locator('.webhook-url').first().textContent();
        assert.match(url, new RegExp(`^${baseUrl}/api/v1/webhooks/whatsapp/evolution/[0-9a-f-]{36}$`));
        // This server runs on a loopback http address: the checklist says so, with the variable to set.
        const setup = page.getByRole('region', { name: 'Configuração do servidor' });
        await setup.getByText(`O endereço público é ${baseUrl}.`, { exact: false }).waitFor();
        await setup.getByText('PUBLIC_URL', { exact: true }).waitFor();
      },
    ],
    [
      'creates tickets from the "new ticket" dialog',
      async () => {
        await nav('Tickets').click();
        const create = async (name, phone, value, source) => {
          await page.getByRole('button', { name: 'Novo ticket' }).click();
          const dialog = page.getByRole('dialog', { name: 'Novo ticket' });
          await dialog.getByLabel('Nome', { exact: true }).fill(name);
          await dialog.getByLabel('Telefone (WhatsApp)').fill(phone);
          await dialog.getByLabel('Valor do negócio').fill(value);
          await dialog.getByText('Origem e rastreamento (opcional)').click();
          await dialog.getByLabel('UTM source').fill(source);
          await dialog.getByRole('button', { name: 'Criar ticket' }).click();
          await dialog.waitFor({ state: 'detached' });
          await page.getByRole('link', { name }).waitFor();
        };
        await create('Cliente E2E', '11 97777-6666', '1.500,00', 'instagram');
        await create('Outra Pessoa', '21 96666-5555', '300', 'google');
        await waitForText(indicator('total'), 'Tickets2');
      },
    ],
    [
      'finds the ticket with a filter kept in the URL',
      async () => {
        await page.getByRole('combobox', { name: 'Origem', exact: true }).selectOption('instagram');
        await page.waitForURL(/origin=instagram/);
        await page.getByRole('link', { name: 'Outra Pessoa' }).waitFor({ state: 'detached' });
        await page.getByRole('link', { name: 'Cliente E2E' }).waitFor();
        await waitForText(indicator('total'), 'Tickets1');
        await page.getByRole('searchbox', { name: 'Buscar' }).fill('Cliente');
        await page.waitForURL(/q=Cliente/);
        await page.getByRole('link', { name: 'Cliente E2E' }).waitFor();
        const href = await page.getByRole('link', { name: 'Cliente E2E' }).getAttribute('href');
        ticketId = href.split('/').pop();
      },
    ],
    [
      'moves the ticket on the Kanban by drag and drop',
      async () => {
        await page.getByRole('link', { name: 'Ver no Kanban' }).click();
        await page.waitForURL(/\/dashboard\/kanban\?.*origin=instagram/);
        const source = page.getByTestId('kanban-column-Novo');
        const target = page.getByTestId('kanban-column-Em Andamento');
        const card = source.getByTestId('kanban-card').filter({ hasText: 'Cliente E2E' });
        await card.waitFor();
        await waitForText(source.locator('.kanban-count'), '1');
        const saved = page.waitForResponse(isPatchOf);
        await drag(page, card, target);
        await target.getByTestId('kanban-card').filter({ hasText: 'Cliente E2E' }).waitFor();
        assert.equal((await saved).status(), 200);
        await waitForText(target.locator('.kanban-count'), '1');
        await waitForText(source.locator('.kanban-count'), '0');
      },
    ],
    [
      'shows the new stage in the table',
      async () => {
        await page.getByRole('link', { name: 'Ver em tabela' }).click();
        await page.waitForURL(/\/dashboard\/tickets\?.*origin=instagram/);
        const stage = page.getByRole('combobox', { name: 'Etapa de Cliente E2E' });
        await stage.waitFor();
        const selected = await stage.evaluate((select) => select.selectedOptions[0]?.textContent);
        assert.equal(selected, 'Em Andamento');
      },
    ],
    [
      'edits the deal value in place',
      async () => {
        await waitForText(indicator('dealValueOpen'), 'R$ 1.500,00');
        await page.getByRole('button', { name: /Valor do negócio de Cliente E2E/ }).click();
        const input = page.getByRole('textbox', { name: 'Valor do negócio de Cliente E2E' });
        await input.fill('2.500,00');
        const saved = page.waitForResponse(isPatchOf);
        await input.press('Enter');
        assert.equal((await saved).status(), 200);
        await waitForText(page.getByRole('button', { name: /Valor do negócio de Cliente E2E/ }), 'R$ 2.500,00');
        await waitForText(indicator('dealValueOpen'), 'R$ 2.500,00');
      },
    ],
    [
      'adds a sale on the ticket page and the indicators follow',
      async () => {
        await waitForText(indicator('withSales'), 'Com vendas0');
        await page.getByRole('link', { name: 'Cliente E2E' }).click();
        await page.waitForURL(`**/dashboard/tickets/${ticketId}`);
        await page.getByRole('heading', { name: 'Cliente E2E', level: 1 }).waitFor();
        const waLink = page.getByRole('link', { name: /\+5511977776666/ });
        assert.equal(await waLink.getAttribute('href'), 'https://wa.me/5511977776666');
        await page.getByText('Maria E2E moveu de Novo para Em Andamento').waitFor();
        await page.getByRole('button', { name: 'Adicionar venda' }).click();
        await page.getByLabel('Valor', { exact: true }).fill('1.000,00');
        await page.getByLabel('Descrição (opcional)').fill('Pedido 42');
        await page.getByRole('button', { name: 'Salvar venda' }).click();
        await page.getByText('Maria E2E registrou uma venda de R$ 1.000,00 (Pedido 42)').waitFor();
        await waitForText(page.locator('.sales-total'), 'R$ 1.000,00');
        await page.goBack();
        await page.waitForURL(/\/dashboard\/tickets\?/);
        await waitForText(indicator('withSales'), 'Com vendas1');
        const row = page.getByRole('row', { name: /Cliente E2E/ });
        await waitForText(row, '1 venda');
      },
    ],
    [
      'creates a read-only API key, shown once, that authenticates and cannot write',
      async () => {
        await nav('Configurações').click();
        await page.getByRole('link', { name: 'Chaves de API' }).click();
        await page.getByRole('heading', { name: 'Nova chave de API' }).waitFor();
        await page.getByLabel('Nome', { exact: true }).fill('Site E2E');
        await page.getByRole('radio', { name: 'Somente leitura' }).check();
        await page.getByRole('button', { name: 'Criar chave' }).click();
        const key = (await page.getByTestId('created-api-key').textContent()).trim();
        assert.match(key, /^wtk_/);
        await waitForText(page.getByTestId('created-api-key-scope'), 'Permissão: Somente leitura');
        const row = page.getByRole('row', { name: /Site E2E/ });
        await row.getByRole('cell', { name: 'Somente leitura', exact: true }).waitFor();
        const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { 'X-API-Key': key } });
        assert.equal(me.status, 200);
        const write = await fetch(`${baseUrl}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'X-API-Key': key, 'content-type': 'application/json' },
          body: JSON.stringify({ lead: { name: 'Via chave', phone: '11 91111-2222' } }),
        });
        assert.equal(write.status, 403);
        assert.equal((await write.json()).code, 'insufficient_scope');
        await page.getByRole('button', { name: 'Já copiei, ocultar' }).click();
        await page.getByTestId('created-api-key').waitFor({ state: 'detached' });
      },
    ],
    [
      'reloads deep links with the session and the filters',
      async () => {
        await page.goto(`${baseUrl}/dashboard/tickets/${ticketId}`);
        await page.reload();
        await page.getByRole('heading', { name: 'Cliente E2E', level: 1 }).waitFor();
        await page.getByText('Maria E2E alterou o valor do negócio de R$ 1.500,00 para R$ 2.500,00').waitFor();
        await page.goto(`${baseUrl}/dashboard/kanban?origin=instagram&hasSales=true`);
        await page.reload();
        assert.equal(await page.getByRole('combobox', { name: 'Origem', exact: true }).inputValue(), 'instagram');
        await page.getByTestId('kanban-column-Em Andamento').getByText('Cliente E2E').waitFor();
        assert.deepEqual(state.pageErrors, []);
      },
    ],
    [
      'creates a Google Ads ticket with a campaign and a sale',
      async () => {
        await nav('Tickets').click();
        await page.getByRole('button', { name: 'Novo ticket' }).click();
        const dialog = page.getByRole('dialog', { name: 'Novo ticket' });
        await dialog.getByLabel('Nome', { exact: true }).fill('Lead Google E2E');
        await dialog.getByLabel('Telefone (WhatsApp)').fill('31 95555-4444');
        await dialog.getByText('Origem e rastreamento (opcional)').click();
        await dialog.getByLabel('UTM source').fill('google');
        await dialog.getByLabel('UTM campaign').fill(CAMPAIGN);
        await dialog.getByLabel('gclid (Google)').fill(GCLID);
        await dialog.getByRole('button', { name: 'Criar ticket' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('link', { name: 'Lead Google E2E' }).click();
        await page.getByRole('heading', { name: 'Lead Google E2E', level: 1 }).waitFor();
        await page.getByRole('button', { name: 'Adicionar venda' }).click();
        await page.getByLabel('Valor', { exact: true }).fill('1.000,00');
        await page.getByRole('button', { name: 'Salvar venda' }).click();
        await waitForText(page.locator('.sales-total'), 'R$ 1.000,00');
      },
    ],
    [
      'imports the ad spend of the campaign from a CSV, previewed first',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'whatrack-e2e-'));
        const file = join(dir, 'investimento.csv');
        await writeFile(file, `date,platform,campaign,spend\n${today()},google_ads,${CAMPAIGN},250.00\n`);
        await nav('Configurações').click();
        await page.getByRole('link', { name: 'Investimento em anúncios' }).click();
        await page.getByText('Nenhum investimento importado ainda.').waitFor();
        await page.getByLabel('Arquivo CSV').setInputFiles(file);
        await waitForText(page.getByTestId('ad-spend-preview'), `google_ads${CAMPAIGN}250.00`);
        await page.getByRole('button', { name: 'Importar 1 linha' }).click();
        await page.getByRole('cell', { name: CAMPAIGN, exact: true }).waitFor();
        await page.getByText('Total: R$ 250,00').waitFor();
      },
    ],
    [
      'shows the ROAS of the campaign in the reports',
      async () => {
        await nav('Relatórios').click();
        await page.getByRole('heading', { name: 'Relatórios', level: 1 }).waitFor();
        const attribution = page.getByRole('region', { name: 'Atribuição' });
        await attribution.getByRole('combobox', { name: 'Agrupar por' }).selectOption('utmCampaign');
        const row = attribution.getByRole('row', { name: new RegExp(CAMPAIGN) });
        await waitForText(row, 'R$ 250,00');
        await waitForText(row, '4,00x');
        await waitForText(page.getByTestId('kpi-spend'), 'R$ 250,00');
      },
    ],
    [
      'downloads the Google Ads conversions CSV with the click id',
      async () => {
        await nav('Configurações').click();
        await page.getByRole('link', { name: 'Conversões' }).click();
        await page.getByLabel('Nome da conversão no Google Ads').fill('Compra WhatsApp');
        const downloading = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Baixar CSV do Google Ads' }).click();
        const download = await downloading;
        const content = await readFile(await download.path(), 'utf8');
        const lines = content.split(/\r?\n/);
        assert.ok(lines.includes('Parameters:TimeZone=America/Sao_Paulo'), content);
        assert.ok(
          lines.includes('Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency'),
          content,
        );
        assert.ok(
          lines.some((line) => line.startsWith(`${GCLID},Compra WhatsApp,`) && line.endsWith(',BRL')),
          content,
        );
        assert.deepEqual(state.pageErrors, []);
      },
    ],
    [
      "an agent works the tickets without the owners' and admins' controls",
      async () => {
        const agentEmail = `agente-${EMAIL}`;
        await nav('Configurações').click();
        await page.getByRole('link', { name: 'Equipe' }).click();
        // The stages section shown first has a "Nome" field too: fill only once the team form is on screen.
        await page.getByLabel('Senha inicial').waitFor();
        await page.getByLabel('Nome', { exact: true }).fill('Ana Atendente');
        await page.getByLabel('E-mail', { exact: true }).fill(agentEmail);
        await page.getByLabel('Senha inicial').fill('senha-forte-456');
        await page.getByRole('button', { name: 'Adicionar', exact: true }).click();
        await page.getByRole('cell', { name: agentEmail }).waitFor();
        await page.getByRole('button', { name: 'Sair' }).click();
        await page.waitForURL('**/login');
        await page.getByLabel('E-mail').fill(agentEmail);
        await page.getByLabel('Senha').fill('senha-forte-456');
        await page.getByRole('button', { name: 'Entrar' }).click();
        // Signing out from a page brings the next sign-in back to it (the team settings here).
        await page.waitForURL(/\/dashboard\//);
        await page.goto(`${baseUrl}/dashboard/settings/stages`);
        await page.getByText('Somente proprietários e administradores podem alterar as etapas.').waitFor();
        await page.locator('.stage-row-name', { hasText: 'Em Andamento' }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Adicionar etapa' }).count(), 0);
        assert.equal(await page.getByRole('button', { name: /Reordenar/ }).count(), 0);
        await page.goto(`${baseUrl}/dashboard/tickets/${ticketId}`);
        await page.getByRole('heading', { name: 'Cliente E2E', level: 1 }).waitFor();
        await page.getByText('Somente proprietários e administradores podem excluir vendas.').waitFor();
        assert.equal(await page.getByRole('button', { name: /Excluir venda/ }).count(), 0);
        assert.ok(await page.getByRole('button', { name: 'Adicionar venda' }).isVisible());
        assert.deepEqual(state.pageErrors, []);
      },
    ],
  ];
}
