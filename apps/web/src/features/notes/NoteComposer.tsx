import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamMembers } from '../team/useTeamMembers';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Spinner } from '../ui/Spinner';
import { MentionTextarea } from './MentionTextarea';
import { mentionedIds, type Mentionable } from './mentions';
import { useNoteMutations } from './useNoteMutations';

/** The API's limit for a note. */
const NOTE_MAX_LENGTH = 4096;

/**
 * The internal note box: only the team sees what is written here (it never goes to WhatsApp); `@` mentions a
 * teammate, who is notified. Enter saves, Shift+Enter breaks the line; a refused note stays in the box.
 */
export function NoteComposer({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const members = useTeamMembers();
  const { create } = useNoteMutations(ticketId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const empty = text.trim() === '';

  const save = () => {
    const typed = text.trim();
    if (!typed || create.isPending) return;
    create.mutate(
      { text: typed, mentionedUserIds: mentionedIds(typed, picked) },
      {
        onSuccess: () => {
          setText('');
          setPicked([]);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save();
    textarea.current?.focus();
  };

  return (
    <form className="composer-form note-form" onSubmit={onSubmit}>
      {create.isError && <ErrorMessage error={create.error} />}
      <MentionTextarea
        textareaRef={textarea}
        value={text}
        onChange={setText}
        members={members}
        onMention={(member) => setPicked((current) => [...current, member])}
        onEnter={save}
        maxLength={NOTE_MAX_LENGTH}
        label={t('notes.composer.label')}
        placeholder={t('notes.composer.placeholder')}
        describedBy={`${id}-hint`}
      />
      <button type="submit" className="btn btn-primary composer-send note-send" disabled={empty || create.isPending}>
        {create.isPending && <Spinner />}
        <span>{t('notes.composer.save')}</span>
      </button>
      <p id={`${id}-hint`} className="field-hint composer-hint">
        {t('notes.composer.hint')}
      </p>
    </form>
  );
}
