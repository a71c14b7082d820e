/**
 * What a WhatsApp message carries besides its text, provider-neutral: stored in whatsapp_messages.content and
 * context (jsonb) and shown by GET /conversations/:id/messages (MessageResponseDto). Every field is optional: a
 * message has the parts its type has.
 */
export interface MessageContent {
  caption?: string | null;
  /** Documents: the file name the sender gave. */
  fileName?: string | null;
  /** Audio: a voice note (recorded in the chat) rather than an audio file. */
  voice?: boolean;
  location?: {
    latitude: number;
    longitude: number;
    name: string | null;
    address: string | null;
    url: string | null;
  };
  contacts?: SharedContact[];
  interactive?: {
    kind: 'button_reply' | 'list_reply' | 'flow_reply' | 'button';
    id: string | null;
    title: string | null;
    description: string | null;
    /** A WhatsApp Flow's answers (response_json / paramsJson parsed); null when it was not JSON. */
    response: Record<string, unknown> | null;
  };
  order?: {
    catalogId: string | null;
    text: string | null;
    currency: string | null;
    /** Sum of quantity × item price (Cloud API), or the total the provider states (Evolution). */
    total: number;
    items: OrderItem[];
  };
  /** A notice from WhatsApp about the lead (number_changed, user_id_changed...): shown in the chat, opens no ticket. */
  system?: { kind: string; body: string | null };
  unsupported?: { reason: string | null };
}

export interface SharedContact {
  name: string;
  phones: { phone: string; type: string | null; waId: string | null }[];
  emails: string[];
  organization: string | null;
}

export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice: number;
  currency: string;
}

/** What a message says about another one, as the provider sent it (stored in whatsapp_messages.context). */
export interface StoredContext {
  /** The provider's id of the quoted message (Cloud context.id, Evolution contextInfo.stanzaId). */
  quotedProviderMessageId: string | null;
  /** The quoted message's text and type when the provider sends them (Evolution quotedMessage). */
  quotedBody: string | null;
  quotedType: string | null;
  forwarded: boolean;
  frequentlyForwarded: boolean;
}

/** The context as the API shows it: the quoted message resolved to ours when we hold it. */
export interface MessageContext extends StoredContext {
  quotedMessageId: string | null;
}

export interface MessageReaction {
  emoji: string;
  direction: 'in' | 'out';
  reactedAt: string;
}
