// A stand-in for Meta's Graph API for the webhook bench: accepts the access token of one phone_number_id, answers
// every send with a new wamid, and then plays WhatsApp's part: it posts signed status webhooks (sent, delivered,
// read) for each accepted message back to the API, a few at a time, as Meta does after a send.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * `statusBatch`: statuses per webhook. Meta's `statuses` is an array: under load it carries several at once; 1 is
 * the worst case (one request per status).
 */
export async function startFakeGraph({ phoneNumberId, token, appSecret, statusBatch = 1 }) {
  let webhookUrl = null;
  let accepted = 0;
  let webhooksPosted = 0;
  let statusFailures = 0;
  const queue = [];
  let inFlight = 0;
  const STATUS_CONCURRENCY = 4;

  const pump = () => {
    while (webhookUrl && inFlight < STATUS_CONCURRENCY && queue.length > 0) {
      const body = statusBody(queue.splice(0, statusBatch));
      inFlight += 1;
      const signature = `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
      fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      })
        .then((res) => (res.ok ? (webhooksPosted += 1) : (statusFailures += 1)))
        .catch(() => (statusFailures += 1))
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  };

  const statusBody = (statuses) =>
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '5511940001234', phone_number_id: phoneNumberId },
                statuses: statuses.map(({ id, status, to }) => ({
                  id,
                  status,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  recipient_id: to,
                })),
              },
            },
          ],
        },
      ],
    });

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = new URL(req.url, 'http://fake').pathname;
      const authorized = req.headers.authorization === `Bearer ${token}`;
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && path === `/v21.0/${phoneNumberId}` && authorized) {
        res.end(JSON.stringify({ id: phoneNumberId, display_phone_number: '+55 11 94000-1234' }));
        return;
      }
      if (req.method === 'POST' && path === `/v21.0/${phoneNumberId}/messages` && authorized) {
        const to = JSON.parse(raw).to;
        accepted += 1;
        const id = `wamid.benchout.${accepted}`;
        res.end(
          JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] }),
        );
        for (const status of ['sent', 'delivered', 'read']) queue.push({ id, status, to });
        pump();
        return;
      }
      res.statusCode = 400;
      res.end(JSON.stringify({ error: { message: 'Unsupported request', code: 100 } }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/v21.0`;
  return {
    base,
    /** Where status webhooks go (set once the API is up). */
    setWebhookUrl(url) {
      webhookUrl = url;
      pump();
    },
    stats: () => ({ accepted, webhooksPosted, statusFailures, statusesQueued: queue.length + inFlight }),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
