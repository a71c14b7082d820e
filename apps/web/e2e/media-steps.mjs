// Issue 13 in the browser: a lead sends an image, a voice note and a document on a Cloud API line; the API fetches
// each file from the fake Graph API (GET /{media-id}, then its url, with the line's access token) and the chat shows
// the image, plays the voice note and downloads the document under its name. Its own organization and line.
// Message shapes: Meta's WhatsApp Cloud API webhook reference, "messages" field (image, audio with voice, document).
import assert from 'node:assert/strict';
import { postCloudWebhook } from './cloud-webhook.mjs';

const PHONE_NUMBER_ID = '106540352242933';
const LEAD_WA_ID = '5511955553333';
const LEAD_NAME = 'Lead Mídia E2E';
const PASSWORD = 'senha-forte-123';
const DOCUMENT_NAME = 'orcamento-e2e.pdf';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.1\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Half a second of silence as MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono): frames whose side info and data
 * are zeros. A real voice note is OGG/Opus, which needs an encoder to make; MP3 is also a type WhatsApp carries.
 */
function silentMp3() {
  const frameBytes = Math.floor((144 * 128_000) / 44_100);
  const frame = Buffer.alloc(frameBytes);
  frame.set([0xff, 0xfb, 0x90, 0xc0]);
  return Buffer.concat(Array.from({ length: 20 }, () => frame));
}

/** `state`: baseUrl and context (run.mjs), graph (fake-graph.mjs) and appSecret (the API's WHATSAPP_APP_SECRET). */
export function mediaSteps(state) {
  const { baseUrl, graph, appSecret } = state;
  const email = `midia-${Date.now()}@loja-e2e.com.br`;
  let token;
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
  const webhook = (messages) =>
    postCloudWebhook({
      baseUrl,
      appSecret,
      line: { phoneNumberId: PHONE_NUMBER_ID, businessAccountId: '102290129340399', displayPhone: '5511940005678' },
      value: { contacts: [{ profile: { name: LEAD_NAME }, wa_id: LEAD_WA_ID }], messages },
    });
  const chat = () => page.getByRole('region', { name: /Conversa/ });

  return [
    [
      'a lead sends an image, a voice note and a document; the chat shows them',
      async () => {
        graph.addMedia('e2e-image-1', { mimeType: 'image/png', bytes: PNG });
        graph.addMedia('e2e-voice-1', { mimeType: 'audio/mpeg', bytes: silentMp3() });
        graph.addMedia('e2e-doc-1', { mimeType: 'application/pdf', bytes: PDF });
        token = (
          await api('POST', '/auth/register', {
            organizationName: 'Loja Mídia E2E',
            name: 'Rita Mídia',
            email,
            password: PASSWORD,
          })
        ).accessToken;
        const line = await api('POST', '/whatsapp-instances', {
          name: 'Cloud Mídia E2E',
          phoneNumber: '11 94000-5678',
          provider: 'cloud_api',
          providerPhoneNumberId: PHONE_NUMBER_ID,
          providerBusinessAccountId: '102290129340399',
        });
        await api('PATCH', `/whatsapp-instances/${line.id}`, { accessToken: 'EAAG-e2e-media-token' });
        const now = Math.floor(Date.now() / 1000);
        await webhook([
          {
            from: LEAD_WA_ID,
            id: `wamid.IMG${now}`,
            timestamp: String(now),
            type: 'image',
            image: { id: 'e2e-image-1', mime_type: 'image/png', sha256: 'x', caption: 'Foto do produto' },
          },
          {
            from: LEAD_WA_ID,
            id: `wamid.VOICE${now}`,
            timestamp: String(now + 1),
            type: 'audio',
            audio: { id: 'e2e-voice-1', mime_type: 'audio/mpeg', voice: true },
          },
          {
            from: LEAD_WA_ID,
            id: `wamid.DOC${now}`,
            timestamp: String(now + 2),
            type: 'document',
            document: { id: 'e2e-doc-1', mime_type: 'application/pdf', sha256: 'x', filename: DOCUMENT_NAME },
          },
        ]);
        let ticketId;
        const deadline = Date.now() + 15_000;
        while (!ticketId) {
          ticketId = (await api('GET', '/tickets')).items[0]?.id;
          if (!ticketId && Date.now() > deadline) throw new Error('the webhook opened no ticket');
          if (!ticketId) await new Promise((done) => setTimeout(done, 200));
        }

        page = await state.context.newPage();
        page.on('pageerror', (error) => state.pageErrors.push(String(error)));
        await page.goto(`${baseUrl}/dashboard/tickets`);
        const signOut = page.getByRole('button', { name: 'Sair' });
        await signOut.or(page.getByLabel('E-mail')).waitFor();
        if (await signOut.isVisible()) await signOut.click();
        await page.waitForURL('**/login**');
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Senha').fill(PASSWORD);
        await page.getByRole('button', { name: 'Entrar' }).click();
        await page.waitForURL(/\/dashboard\//);
        // The files are fetched in the background: reload until the three are stored.
        const mediaDeadline = Date.now() + 20_000;
        for (;;) {
          await page.goto(`${baseUrl}/dashboard/tickets/${ticketId}`);
          await chat().getByText('Foto do produto').waitFor();
          if ((await chat().getByText('Baixando arquivo…').count()) === 0) break;
          assert.ok(Date.now() < mediaDeadline, 'the media were not stored in time');
          await new Promise((done) => setTimeout(done, 500));
        }
      },
    ],
    [
      'the image is displayed, the voice note loads and the document downloads with its name',
      async () => {
        const image = chat().getByRole('img', { name: 'Imagem enviada na conversa' });
        await image.waitFor();
        await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await image.elementHandle());
        const audio = chat().locator('audio');
        await audio.waitFor();
        assert.match((await audio.getAttribute('src')) ?? '', /^blob:/);
        await page.waitForFunction((el) => el.readyState >= 1, await audio.elementHandle(), { timeout: 10_000 });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          chat()
            .getByRole('button', { name: `Baixar ${DOCUMENT_NAME}` })
            .click(),
        ]);
        assert.equal(download.suggestedFilename(), DOCUMENT_NAME);
        assert.ok(
          graph.requests.some(
            (r) => r.path.endsWith('/e2e-image-1') && r.authorization === 'Bearer EAAG-e2e-media-token',
          ),
          'the API fetched the media with the line access token',
        );
      },
    ],
  ];
}
