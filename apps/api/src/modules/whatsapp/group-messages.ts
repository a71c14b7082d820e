import type { NormalizedMessage } from './inbound.types';

/**
 * Whether a Cloud API message was sent in a group (Groups API): Meta's group messages webhook reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/group/) shows the
 * ordinary `messages[]` item with a `group_id`. A group is not a 1:1 conversation with a lead: it opens no ticket.
 * (Evolution's `…@g.us` chats are already left out by its parser.)
 */
export function isGroupMessage(message: NormalizedMessage): boolean {
  const groupId = message.raw.group_id;
  return typeof groupId === 'string' && groupId.length > 0;
}
