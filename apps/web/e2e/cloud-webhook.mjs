// What the browser tests share to play WhatsApp: Cloud API webhooks signed as Meta signs them, and waiting for a screen.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';

/**
 * Posts a Cloud API `messages` change for the line `{ phoneNumberId, businessAccountId, displayPhone }` (`value`: its
 * contacts, messages or statuses), signed with HMAC-SHA256 of the raw body and the app secret; expects a 200.
 */
export async function postCloudWebhook({ baseUrl, appSecret, line, value }) {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: line.businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: line.displayPhone, phone_number_id: line.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
  const response = await fetch(`${baseUrl}/api/v1/webhooks/whatsapp/cloud`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body: raw,
  });
  assert.equal(response.status, 200, await response.text());
}

/**
 * A lead's text message, sent `secondsAgo` (WhatsApp timestamps are whole seconds: messages of the same second would
 * tie in the list's order).
 */
export function leadText(lead, text, secondsAgo = 0) {
  return {
    contacts: [{ profile: { name: lead.name }, wa_id: lead.waId }],
    messages: [
      {
        from: lead.waId,
        id: `wamid.E2E${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
        timestamp: String(Math.floor(Date.now() / 1000) - secondsAgo),
        type: 'text',
        text: { body: text },
      },
    ],
  };
}

/** Polls `check` (returns a truthy value when done) until `timeout`; the last failure explains a timeout. */
export async function until(check, timeout, what) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeout} ms${last ? `: ${last}` : ''}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
