import type { MessageContent, OrderItem } from '../../conversations/message-content.types';

/** Provider-neutral pieces of content parsing: the order total and the `body` summary. */

/** Cents are summed as integers, so 3 × 19.90 is 59.70 and not 59.699999. */
function cents(value: number): number {
  return Math.round(value * 100);
}

/** An order; `statedTotal` when the provider gives the total (Evolution), else the items' sum. */
export function orderOf(
  catalogId: string | null,
  text: string | null,
  items: OrderItem[],
  statedTotal: { total: number; currency: string | null } | null,
): NonNullable<MessageContent['order']> {
  const total = statedTotal?.total ?? items.reduce((sum, i) => sum + cents(i.quantity * i.itemPrice), 0) / 100;
  const currency = statedTotal?.currency ?? items.find((i) => i.currency)?.currency ?? null;
  return { catalogId, text, currency, total, items };
}

/** A JSON object inside a string (Flows' response_json, Evolution's paramsJson); null when it is not one. */
export function parseJsonObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function orderSummary(order: NonNullable<MessageContent['order']>): string {
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  const items = count > 0 ? `${count} ${count === 1 ? 'item' : 'itens'}, ` : '';
  return `Pedido: ${items}total ${order.currency ?? ''} ${order.total.toFixed(2)}`.replace(/\s+/g, ' ');
}

/**
 * `body`: the message as one line of text for the tickets list and search (the text, a caption, a file name, a
 * place, the contacts' names, the option chosen, an order's text or total, a system notice).
 */
export function summaryOf(type: string, content: MessageContent | null, text: string | null): string | null {
  if (!content) return text;
  if (content.location) {
    const { name, address, latitude, longitude } = content.location;
    return [name, address].filter(Boolean).join(' - ') || `${latitude},${longitude}`;
  }
  if (content.contacts)
    return (
      content.contacts
        .map((c) => c.name)
        .filter(Boolean)
        .join(', ') || null
    );
  if (content.interactive) return content.interactive.title ?? content.interactive.description;
  if (content.order) return content.order.text ?? orderSummary(content.order);
  if (content.system) return content.system.body;
  if (content.unsupported) return null;
  if (type === 'document') return content.caption ?? content.fileName ?? null;
  return content.caption ?? text;
}
