// A WhatsApp Cloud API webhook body carrying one new text message ("Mensagem <n>"), for the webhook benches.
import { createHmac } from 'node:crypto';

export function cloudMessageBody(n, messages, phoneNumberId) {
  // Leads take turns (as real traffic interleaves conversations): message n is lead n mod (messages / 10).
  return cloudLeadMessageBody(n, n % Math.max(1, Math.floor(messages / 10)), phoneNumberId);
}

/** Message n ("Mensagem <n>", id wamid.bench.<n>) from lead number `lead` (its own WhatsApp number). */
export function cloudLeadMessageBody(n, lead, phoneNumberId) {
  const waId = `55119${String(10_000_000 + lead).padStart(8, '0')}`;
  return JSON.stringify({
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
              contacts: [{ profile: { name: `Lead ${lead}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.bench.${n}`,
                  // Recent, so the 24-hour window is open for the replies case.
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: `Mensagem ${n}` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

/** The X-Hub-Signature-256 header Meta sends with `body`. */
export function metaSignature(body, secret) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
