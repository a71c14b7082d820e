/**
 * The mutation key of a conversation's sends and retries. Without `kind` it is the prefix of both: the chat holds its
 * polling while one is in flight, so a poll answered before the API stored the reply cannot wipe it from the screen.
 */
export function replyMutationKey(conversationId: string, kind?: 'send' | 'retry') {
  return kind ? (['reply', conversationId, kind] as const) : (['reply', conversationId] as const);
}
