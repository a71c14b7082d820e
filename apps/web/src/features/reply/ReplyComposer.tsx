import './reply.css';
import { ApiError, type TicketDetail } from '@whatrack/api-client';
import { fillQuickReply } from '@whatrack/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { quickReplyValues } from '../quick-replies/quickReplyValues';
import { useQuickReplies } from '../quick-replies/useQuickReplies';
import { newIdempotencyKey } from './newIdempotencyKey';
import { ReplyTextForm } from './ReplyTextForm';
import { SendingUnavailable } from './SendingUnavailable';
import { TemplatePicker } from './TemplatePicker';
import { useReplyErrorText } from './useReplyErrorText';
import { useReplyTemplates } from './useReplyTemplates';
import { useReplyWindow } from './useReplyWindow';
import { type ReplyContent, useSendReply } from './useSendReply';

/** What identifies a reply for its Idempotency-Key (the preview is only what the chat shows). */
const fingerprint = (content: ReplyContent) =>
  JSON.stringify(content.kind === 'text' ? content.text : content.template);

/**
 * Under the chat: free text while WhatsApp's 24-hour window is open (or always on Evolution lines), an approved
 * template once it closed (Cloud API lines, where a template can also be chosen at any time), nothing but a sentence
 * when the line has no sending credentials. The API's refusals show above the box.
 */
export function ReplyComposer({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useOrganizationFormat();
  const errorText = useReplyErrorText();
  const { instance, lastInboundAt } = ticket.conversation;
  const cloud = instance.provider === 'cloud_api';
  const windowOpen = useReplyWindow(ticket);
  const [wantsTemplate, setWantsTemplate] = useState(false);
  const templateMode = cloud && (!windowOpen || wantsTemplate);
  const templates = useReplyTemplates(instance.id, instance.canSend && templateMode);
  const send = useSendReply(ticket);
  const session = useAuthenticatedSession();
  const quickReplies = useQuickReplies(instance.canSend && !templateMode);
  // The reply the API did not take, with its key: sending that same reply again reuses the key (sent at most once).
  const unsent = useRef<{ fingerprint: string; key: string } | null>(null);

  if (!instance.canSend) return <SendingUnavailable line={instance.name} />;

  const submit = (content: ReplyContent, callbacks: { onSuccess?: () => void; onError?: () => void }) => {
    const print = fingerprint(content);
    const idempotencyKey = unsent.current?.fingerprint === print ? unsent.current.key : newIdempotencyKey();
    send.mutate(
      { content, idempotencyKey },
      {
        onSuccess: () => {
          unsent.current = null;
          callbacks.onSuccess?.();
        },
        onError: (error) => {
          // A key the API tied to another reply cannot be used again.
          const reused = ApiError.from(error).code === 'idempotency_key_reused';
          unsent.current = reused ? null : { fingerprint: print, key: idempotencyKey };
          callbacks.onError?.();
        },
      },
    );
  };

  return (
    <div className="composer">
      {send.isError && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(send.error)}</p>
        </div>
      )}
      {cloud && !windowOpen && (
        <p className="composer-note">{lastInboundAt ? t('reply.windowClosed') : t('reply.windowClosedNoInbound')}</p>
      )}
      {templateMode ? (
        <TemplatePicker
          templates={templates.data?.items}
          isLoading={templates.isLoading}
          error={templates.error}
          onRetry={templates.refetch ? () => void templates.refetch?.() : undefined}
          sending={send.isPending}
          onSend={(choice, done) => submit({ kind: 'template', ...choice }, { onSuccess: done })}
        />
      ) : (
        <ReplyTextForm
          onSend={(text, restore) => submit({ kind: 'text', text }, { onError: restore })}
          quickReplies={{ items: quickReplies.data, status: quickReplies.status }}
          fillQuickReply={(text) => fillQuickReply(text, quickReplyValues(ticket, session))}
        />
      )}
      {cloud && windowOpen && (
        <div className="composer-footer">
          {ticket.replyWindow.expiresAt && (
            <p className="muted small">
              {t('reply.windowOpenUntil', { date: dateTime(ticket.replyWindow.expiresAt) })}
            </p>
          )}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setWantsTemplate(!wantsTemplate)}>
            {wantsTemplate ? t('reply.writeText') : t('reply.useTemplate')}
          </button>
        </div>
      )}
    </div>
  );
}
