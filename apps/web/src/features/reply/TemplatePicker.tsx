import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/ErrorMessage';
import { QueryError } from '../ui/QueryError';
import { SelectField } from '../ui/SelectField';
import { Spinner } from '../ui/Spinner';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { fillTemplate } from './fillTemplate';
import type { ReplyTemplate } from './useReplyTemplates';

export interface TemplateChoice {
  template: { name: string; language: string; variables: string[] };
  /** The header and body with the variables filled in, as the lead will read them. */
  preview: string;
}

interface TemplatePickerProps {
  /** The line's approved templates (undefined while unknown: shown as none). */
  templates: ReplyTemplate[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  sending: boolean;
  /** Sends the choice; `done` clears the picker once the API took it. */
  onSend: (choice: TemplateChoice, done: () => void) => void;
}

const uniqueNames = (templates: ReplyTemplate[]) => [...new Set(templates.map((template) => template.name))];

/**
 * An approved template to send outside the 24-hour window: its name, its language, one field per {{n}} of its body,
 * and a preview of the message with the values filled in.
 */
export function TemplatePicker({ templates, isLoading, error, onRetry, sending, onSend }: TemplatePickerProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [missing, setMissing] = useState<number[]>([]);

  const title = (
    <h3 id={titleId} className="composer-title">
      {t('reply.templates.title')}
    </h3>
  );
  if (isLoading) {
    return (
      <div className="template-picker" role="status">
        {title}
        <p className="muted small row">
          <Spinner /> {t('reply.templates.loading')}
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="template-picker">
        {title}
        {onRetry ? <QueryError error={error} onRetry={onRetry} /> : <ErrorMessage error={error} />}
      </div>
    );
  }
  const all = templates ?? [];
  if (all.length === 0) {
    return (
      <div className="template-picker">
        {title}
        <p className="muted small">{t('reply.templates.empty')}</p>
      </div>
    );
  }

  const languages = all.filter((template) => template.name === name);
  const chosen = languages.find((template) => template.language === language);
  const variableCount = chosen?.variables ?? 0;
  const filled = Array.from({ length: variableCount }, (_, index) => values[index] ?? '');
  const preview = chosen
    ? [chosen.headerText, chosen.body]
        .filter((part): part is string => !!part)
        .map((part) => fillTemplate(part, filled))
    : [];

  const choose = (next: string) => {
    setName(next);
    setLanguage(all.find((template) => template.name === next)?.language ?? '');
    setValues([]);
    setMissing([]);
  };
  const reset = () => choose('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending || !chosen) return;
    const empty = filled.flatMap((value, index) => (value.trim() ? [] : [index]));
    setMissing(empty);
    if (empty.length > 0) {
      const input = event.currentTarget.elements.namedItem(`variable-${(empty[0] ?? 0) + 1}`);
      if (input instanceof HTMLElement) input.focus();
      return;
    }
    onSend(
      {
        template: { name: chosen.name, language: chosen.language, variables: filled.map((value) => value.trim()) },
        preview: preview.join('\n'),
      },
      reset,
    );
  };

  return (
    <form className="template-picker" aria-labelledby={titleId} onSubmit={onSubmit} noValidate aria-busy={sending}>
      {title}
      <div className="template-picker-choice">
        <SelectField label={t('reply.templates.name')} value={name} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('reply.templates.choose')}</option>
          {uniqueNames(all).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
        {name && (
          <SelectField
            label={t('reply.templates.language')}
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value);
              setMissing([]);
            }}
          >
            {languages.map((template) => (
              <option key={template.language} value={template.language}>
                {template.language}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {filled.map((value, index) => (
        <TextField
          key={index}
          name={`variable-${index + 1}`}
          label={t('reply.templates.variable', { number: `{{${index + 1}}}` })}
          value={value}
          maxLength={1024}
          required
          onChange={(event) => {
            const next = [...filled];
            next[index] = event.target.value;
            setValues(next);
          }}
          error={missing.includes(index) ? t('reply.templates.variableRequired') : undefined}
        />
      ))}
      {chosen && (
        <figure className="template-preview">
          <figcaption className="field-label">{t('reply.templates.preview')}</figcaption>
          {preview.length > 0 ? (
            <p className="template-preview-text" data-testid="template-preview">
              {chosen.headerText && <strong>{fillTemplate(chosen.headerText, filled)}</strong>}
              {chosen.headerText && chosen.body && '\n'}
              {chosen.body && fillTemplate(chosen.body, filled)}
            </p>
          ) : (
            <p className="muted small">{t('reply.templates.noBody')}</p>
          )}
        </figure>
      )}
      {chosen && (
        <div className="row">
          <SubmitButton
            pending={sending}
            label={t('reply.templates.send')}
            pendingLabel={t('reply.templates.sending')}
          />
        </div>
      )}
    </form>
  );
}
