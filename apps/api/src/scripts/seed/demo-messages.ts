import { randomUUID } from 'node:crypto';
import { conversationScript, type ScriptContext } from './conversation-script';
import { type DemoContext, type DemoConversation, iso, MINUTE, tenantRow } from './demo-context';

export interface TicketMessagesInput {
  ticketId: string;
  conversation: DemoConversation;
  createdAt: number;
  /** Start of each stage window and the end of the last one (finalStage + 2 times). */
  bounds: readonly number[];
  script: ScriptContext;
}

/**
 * The WhatsApp messages of one ticket from the conversation script: one group per stage window, spread over the
 * window, strictly increasing, the first one at the ticket's creation. Returns the time of the last message.
 */
export function addMessages(ctx: DemoContext, input: TicketMessagesInput): number {
  const { random, data, organizationId: org } = ctx;
  const { ticketId, conversation, createdAt, bounds } = input;
  const groups = conversationScript(random, bounds.length - 1, input.script);
  let lastMessage = createdAt;
  groups.forEach((group, index) => {
    const start = bounds[index] + (index === 0 ? 0 : 3 * MINUTE);
    const end = Math.max(start + group.length, bounds[index + 1] - MINUTE);
    const offsets = group.map(() => random.next()).sort((a, b) => a - b);
    group.forEach((message, i) => {
      const sentAt =
        index === 0 && i === 0
          ? createdAt
          : Math.max(start + Math.round(offsets[i] * (end - start)), lastMessage + 1000);
      lastMessage = sentAt;
      const outbound = message.direction === 'out';
      data.messages.push(
        tenantRow(
          org,
          {
            id: randomUUID(),
            conversation_id: conversation.id,
            ticket_id: ticketId,
            instance_id: conversation.instanceId,
            provider_message_id: conversation.cloud
              ? `wamid.HBgN${random.token(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`
              : `3EB0${random.token(18, '0123456789ABCDEF')}`,
            direction: message.direction,
            type: message.type,
            body: message.body,
            status: outbound
              ? random.weighted([
                  { weight: 8, value: 'read' },
                  { weight: 2, value: 'delivered' },
                ])
              : null,
            sent_at: iso(sentAt),
            raw: null,
          },
          sentAt,
        ),
      );
    });
  });
  return lastMessage;
}
