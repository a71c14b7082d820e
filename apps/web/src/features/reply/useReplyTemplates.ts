/** An approved template of the line's WhatsApp Business Account, as GET /whatsapp-instances/{id}/templates lists it. */
export interface ReplyTemplate {
  name: string;
  /** e.g. pt_BR */
  language: string;
  category: string;
  status: string;
  /** The body with its {{1}}, {{2}}… placeholders; null when the template has no body text. */
  body: string | null;
  /** How many {{n}} the body takes. */
  variables: number;
  headerText: string | null;
}

export interface ReplyTemplatesResult {
  data: { items: ReplyTemplate[] } | undefined;
  isLoading: boolean;
  error: unknown;
  refetch?: () => unknown;
}

/**
 * The templates the line can send. The endpoint arrives with the credentials branch: until then nothing is listed.
 */
export function useReplyTemplates(_instanceId: string, _enabled: boolean): ReplyTemplatesResult {
  // TODO(creds): listWhatsappInstanceTemplates — once the client has GET /api/v1/whatsapp-instances/{id}/templates,
  // return useApiQuery(queryKeys.whatsappTemplates(instanceId), { enabled }) (a key to add to api/query-keys.ts).
  return { data: undefined, isLoading: false, error: null };
}
