/** What the outbox delivers for a reply: free text, or an approved template with its variables (Cloud API only). */
export type ReplyPayload =
  { kind: 'text'; text: string } | { kind: 'template'; name: string; language: string; variables: string[] };
