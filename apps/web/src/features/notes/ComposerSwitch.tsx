import './notes.css';
import type { TicketDetail } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReplyComposer } from '../reply/ReplyComposer';
import { NoteComposer } from './NoteComposer';

type Mode = 'reply' | 'note';

/**
 * Under the chat: "Reply" writes to the lead on WhatsApp, "Internal note" writes for the team only. The note box
 * stays available when the line cannot send.
 */
export function ComposerSwitch({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const option = (value: Mode, label: string) => (
    <button
      type="button"
      className="composer-mode-option"
      aria-pressed={mode === value}
      data-mode={value}
      onClick={() => setMode(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="composer-switch" data-mode={mode}>
      <div className="composer-mode" role="group" aria-label={t('notes.switch.label')}>
        {option('reply', t('notes.switch.reply'))}
        {option('note', t('notes.switch.note'))}
      </div>
      {/* Both stay mounted, so switching keeps what was typed in each. */}
      <div hidden={mode !== 'reply'}>
        <ReplyComposer ticket={ticket} />
      </div>
      <div className="composer composer-for-note" hidden={mode !== 'note'}>
        <p className="note-only-team">{t('notes.composer.onlyTeam')}</p>
        <NoteComposer ticketId={ticket.id} />
      </div>
    </div>
  );
}
