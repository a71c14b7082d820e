#!/usr/bin/env node
// Screenshots of every screen at 1280 and 390 px into /tmp/whatrack-shots (or SHOTS_DIR), on seeded demo data,
// plus the gzipped size of the JavaScript the dashboard loads first. Not part of `npm test`: run it by hand.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR, ensureBuilt, freshDatabase, launchBrowser, startApi } from './harness.mjs';
import { seedDemo } from './seed.mjs';

const OUT = process.env.SHOTS_DIR || '/tmp/whatrack-shots';
const WIDTHS = [1280, 390];

const fakeMessages = (conversationId) => ({
  items: [
    ['in', 'Oi! Vi o anúncio do tênis de corrida no Instagram, ainda tem o 42?'],
    ['out', 'Olá, João! Temos sim, nas cores preta e azul. Quer que eu separe um?'],
    ['in', 'Quero o azul. Qual o valor no Pix?'],
    ['out', 'No Pix fica R$ 1.500,00 com frete grátis 😊'],
  ].map(([direction, body], index) => ({
    id: `m${index}`,
    ticketId: conversationId,
    direction,
    type: 'text',
    body,
    status: direction === 'out' ? 'read' : null,
    sentAt: new Date(Date.UTC(2026, 0, 15, 13, 30 + index * 3)).toISOString(),
  })),
  total: 4,
  page: 1,
  pageSize: 50,
});

async function initialJs(context, baseUrl) {
  const page = await context.newPage();
  const scripts = new Set();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(`${baseUrl}/dashboard/tickets`);
  await page.getByTestId('indicator-total').waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  let raw = 0;
  let gzip = 0;
  for (const path of scripts) {
    const file = readFileSync(join(WEB_DIR, 'dist', path));
    raw += file.length;
    gzip += gzipSync(file, { level: 9 }).length;
  }
  return { files: scripts.size, raw, gzip };
}

ensureBuilt();
mkdirSync(OUT, { recursive: true });
const database = await freshDatabase();
const api = await startApi(database);
const browser = await launchBrowser();
try {
  const demo = await seedDemo(api.baseUrl);
  const { context } = browser;
  await context.addInitScript((token) => window.localStorage.setItem('whatrack.accessToken', token), demo.token);
  await context.route('**/api/v1/conversations/*/messages*', (route) =>
    route.fulfill({ json: fakeMessages(demo.ticketId) }),
  );
  const js = await initialJs(context, api.baseUrl);
  console.log(
    `dashboard initial JS: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB, ${(js.gzip / 1024).toFixed(1)} KB gzipped`,
  );

  const screens = [
    ['tickets', '/dashboard/tickets'],
    ['tickets-filtered', '/dashboard/tickets?origin=instagram&period=30d'],
    ['new-ticket', '/dashboard/tickets', async (page) => page.getByRole('button', { name: 'Novo ticket' }).click()],
    ['kanban', '/dashboard/kanban'],
    ['ticket', `/dashboard/tickets/${demo.ticketId}`],
    ['inbounds', '/dashboard/inbounds'],
    ['settings-stages', '/dashboard/settings/stages'],
    ['settings-whatsapp', '/dashboard/settings/whatsapp'],
    ['settings-team', '/dashboard/settings/team'],
    [
      'settings-api-keys',
      '/dashboard/settings/api-keys',
      async (page) => {
        await page.getByLabel('Nome', { exact: true }).fill('Zapier');
        await page.getByRole('button', { name: 'Criar chave' }).click();
        await page.getByTestId('created-api-key').waitFor();
      },
    ],
    ['reports', '/dashboard/reports'],
    ['settings-ad-spend', '/dashboard/settings/ad-spend'],
    ['settings-conversions', '/dashboard/settings/conversions'],
    ['settings-organization', '/dashboard/settings/organization'],
    ['empty-filter', '/dashboard/tickets?q=ninguem-com-este-nome'],
    ['not-found', `/dashboard/tickets/00000000-0000-4000-8000-000000000000`],
  ];
  for (const width of WIDTHS) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    for (const [name, path, act] of screens) {
      await page.goto(`${api.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await page
        .waitForFunction(
          () => document.querySelector('h1') && !document.querySelector('.skeleton, .center-screen .spinner'),
          null,
          { timeout: 10_000 },
        )
        .catch(() => console.log(`${name}-${width}: still loading`));
      if (act) await act(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: width > 800 });
      if (width <= 800) await page.screenshot({ path: join(OUT, `${name}-${width}-full.png`), fullPage: true });
    }
    await page.close();
  }
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await api.stop();
  await database.drop();
}
