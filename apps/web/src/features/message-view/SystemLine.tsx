import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

const KINDS = new Set(['number_changed', 'user_id_changed', 'identity_changed']);

/** A notice from WhatsApp (the lead changed number...), shown as a centered line rather than a bubble. */
export function SystemLine({ message }: { message: Pick<Message, 'body' | 'content'> }) {
  const { t } = useTranslation();
  const system = message.content?.system;
  const kind = system && KINDS.has(system.kind) ? system.kind : 'other';
  const detail = system?.body ?? message.body;
  return (
    <p className="chat-system-text">
      {t(`chatMessage.system.${kind}` as 'chatMessage.system.other')}
      {detail && <span className="muted"> · {detail}</span>}
    </p>
  );
}
