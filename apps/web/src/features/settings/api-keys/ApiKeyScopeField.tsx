import { API_KEY_SCOPES, type ApiKeyScope } from '@whatrack/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_API_KEY_SCOPE } from './apiKeyScope';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

interface ApiKeyScopeFieldProps {
  value: ApiKeyScope;
  onChange: (scope: ApiKeyScope) => void;
}

/** Radio group of the scopes, from the narrowest; each option says in one line what it allows. */
export function ApiKeyScopeField({ value, onChange }: ApiKeyScopeFieldProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const id = useId();
  return (
    <fieldset className="fieldset scope-field">
      <legend className="field-label">{t('settings.apiKeys.scope')}</legend>
      <div className="scope-options">
        {API_KEY_SCOPES.map((scope) => {
          const name = labels.apiKeyScope(scope);
          return (
            <div key={scope} className="scope-option">
              <input
                id={`${id}-${scope}`}
                type="radio"
                name="scope"
                value={scope}
                checked={value === scope}
                aria-describedby={`${id}-${scope}-hint`}
                onChange={() => onChange(scope)}
              />
              <div>
                <label htmlFor={`${id}-${scope}`} className="scope-option-label">
                  {scope === DEFAULT_API_KEY_SCOPE ? t('settings.apiKeys.scopeDefault', { scope: name }) : name}
                </label>
                <p id={`${id}-${scope}-hint`} className="field-hint">
                  {labels.apiKeyScopeHint(scope)}
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
