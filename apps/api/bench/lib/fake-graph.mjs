// A stand-in for Meta's Graph API for the webhook bench: accepts the access token of one phone_number_id, answers
// every send with a new wamid, and then plays WhatsApp's part: it posts signed status webhooks (sent, delivered,
// read) for each accepted message back to the API, up to 16 at once, as Meta does after a send.
// It runs in a worker thread: its event loop must not share the load generator's, or the bench would measure its
// own queueing (the fake's answers and status posts waiting behind autocannon's requests).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * `statusBatch`: statuses per webhook. Meta's `statuses` is an array: under load it carries several at once; 1 is
 * the worst case (one request per status).
 */
async function serveFakeGraph({ phoneNumberId, token, appSecret, statusBatch = 1 }) {
  let webhookUrl = null;
  let accepted = 0;
  let webhooksPosted = 0;
  let statusFailures = 0;
  const queue = [];
  let inFlight = 0;
  const STATUS_CONCURRENCY = 16;

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

if (!isMainThread && workerData?.fakeGraph) {
  const fake = await serveFakeGraph(workerData.fakeGraph);
  parentPort.on('message', async (message) => {
    if (message.type === 'webhookUrl') fake.setWebhookUrl(message.url);
    if (message.type === 'stats') parentPort.postMessage({ type: 'stats', id: message.id, stats: fake.stats() });
    if (message.type === 'stop') {
      await fake.stop();
      parentPort.close();
    }
  });
  parentPort.postMessage({ type: 'ready', base: fake.base });
}

/** Starts the fake in its own thread; `stats()` answers a promise. */
export async function startFakeGraph(options) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { fakeGraph: options } });
  const pending = new Map();
  let seq = 0;
  const base = await new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message) => {
      if (message.type === 'ready') resolve(message.base);
      if (message.type === 'stats') {
        pending.get(message.id)?.(message.stats);
        pending.delete(message.id);
      }
    });
  });
  return {
    base,
    setWebhookUrl: (url) => worker.postMessage({ type: 'webhookUrl', url }),
    stats: () =>
      new Promise((resolve) => {
        const id = ++seq;
        pending.set(id, resolve);
        worker.postMessage({ type: 'stats', id });
      }),
    stop: async () => {
      worker.postMessage({ type: 'stop' });
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
