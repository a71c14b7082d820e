// A stand-in for Meta's Graph API on loopback, for the reply steps: it verifies any Bearer token for a phone number
// (GET /v21.0/{phone_number_id}) and accepts every send (POST /v21.0/{phone_number_id}/messages) with the next wamid,
// wamid.E2E1 first. Media: files added with addMedia(id, {mimeType, bytes}) are described at GET /v21.0/{media-id}
// (Meta's "Retrieve media URL": {messaging_product, url, mime_type, sha256, file_size, id}) and their bytes served
// at that url, both only with a Bearer token, as the Cloud API does. It records what it received.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const PHONE_NUMBER = /^\/v[\d.]+\/(\d+)$/;
const MESSAGES = /^\/v[\d.]+\/(\d+)\/messages$/;
const MEDIA = /^\/v[\d.]+\/([\w-]+)$/;
const MEDIA_BYTES = /^\/media-bytes\/([\w-]+)$/;

export async function startFakeGraph() {
  const requests = [];
  let sent = 0;
  const media = new Map();
  let origin = '';
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const { pathname } = new URL(req.url ?? '/', 'http://fake');
      let body = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method, path: pathname, authorization: req.headers.authorization, body });
      const answer = (status, json) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const bearer = /^Bearer \S+$/.test(req.headers.authorization ?? '');
      const mediaId = req.method === 'GET' ? (MEDIA.exec(pathname)?.[1] ?? null) : null;
      if (mediaId && media.has(mediaId) && bearer) {
        const file = media.get(mediaId);
        return answer(200, {
          messaging_product: 'whatsapp',
          url: `${origin}/media-bytes/${mediaId}`,
          mime_type: file.mimeType,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          file_size: file.bytes.length,
          id: mediaId,
        });
      }
      const bytesId = req.method === 'GET' ? (MEDIA_BYTES.exec(pathname)?.[1] ?? null) : null;
      if (bytesId && media.has(bytesId) && bearer) {
        const file = media.get(bytesId);
        res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
        return res.end(file.bytes);
      }
      const phone = req.method === 'GET' ? PHONE_NUMBER.exec(pathname) : null;
      if (phone && bearer) {
        return answer(200, { id: phone[1], display_phone_number: '+55 11 94000-1234', verified_name: 'Loja E2E' });
      }
      if (req.method === 'POST' && MESSAGES.test(pathname) && bearer) {
        sent += 1;
        const to = String(body?.to ?? '');
        return answer(200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.E2E${sent}` }],
        });
      }
      answer(400, { error: { message: `fake Graph API: no route for ${req.method} ${pathname}`, code: 100 } });
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  return {
    /** Makes a media id downloadable: `bytes` is a Buffer. */
    addMedia: (id, { mimeType, bytes }) => media.set(id, { mimeType, bytes }),
    base: `http://127.0.0.1:${port}/v21.0`,
    requests,
    /** The sends received (POST …/messages), oldest first. */
    sends: () => requests.filter((r) => r.method === 'POST' && MESSAGES.test(r.path)),
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
