import { useSortable } from '@dnd-kit/sortable';
import type { Stage, UpdateStageBody } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../ui/Spinner';
import { useErrorText } from '../../ui/useErrorText';

interface StageRowProps {
  stage: Stage;
  update: UseMutationResult<Stage, unknown, { id: string; body: UpdateStageBody }>;
  onDelete: () => void;
}

/** One stage: drag handle, color, name and "closes the ticket"; Save appears once something changed. */
export function StageRow({ stage, update, onDelete }: StageRowProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
  });
  const [draft, setDraft] = useState({ name: stage.name, color: stage.color, isClosed: stage.isClosed });
  const [error, setError] = useState<string | null>(null);
  const dirty =
    draft.name.trim() !== stage.name ||
    draft.color.toLowerCase() !== stage.color.toLowerCase() ||
    draft.isClosed !== stage.isClosed;
  const pending = update.isPending && update.variables?.id === stage.id;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!dirty || pending) return;
    if (!draft.name.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    update.mutate(
      { id: stage.id, body: { name: draft.name.trim(), color: draft.color, isClosed: draft.isClosed } },
      { onError: (failure) => setError(errorText(failure)) },
    );
  };

  return (
    <li
      ref={setNodeRef}
      className="stage-row"
      data-dragging={isDragging || undefined}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
    >
      <form className="stage-row-form" onSubmit={onSubmit} aria-label={stage.name}>
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="drag-handle"
          aria-label={t('settings.stages.reorder', { name: stage.name })}
          {...attributes}
          {...listeners}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
            <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth="3" />
          </svg>
        </button>
        <input
          type="color"
          className="color-input"
          aria-label={t('settings.stages.colorOf', { name: stage.name })}
          value={draft.color}
          onChange={(event) => setDraft({ ...draft, color: event.currentTarget.value })}
        />
        <input
          className="input input-sm stage-name"
          aria-label={t('settings.stages.nameOf', { name: stage.name })}
          aria-invalid={error ? true : undefined}
          value={draft.name}
          maxLength={60}
          onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
        />
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={draft.isClosed}
            onChange={(event) => setDraft({ ...draft, isClosed: event.currentTarget.checked })}
          />
          {t('settings.stages.isClosed')}
        </label>
        <div className="stage-row-actions">
          {dirty && (
            <button type="submit" className="btn btn-primary btn-sm" aria-disabled={pending || undefined}>
              {pending && <Spinner />}
              {t('common.save')}
            </button>
          )}
          <button type="button" className="btn btn-ghost btn-sm" onClick={onDelete}>
            {t('common.delete')}
          </button>
        </div>
      </form>
      {error && (
        <p className="field-error stage-row-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
