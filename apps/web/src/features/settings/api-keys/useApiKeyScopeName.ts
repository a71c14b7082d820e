import { useTranslation } from 'react-i18next';
import { highestScope } from './apiKeyScope';

/** What a key may do, named by its widest scope ("—" for a key without any: the API refuses it everything). */
export function useApiKeyScopeName(): (scopes: readonly string[]) => string {
  const { t } = useTranslation();
  return (scopes) => {
    const scope = highestScope(scopes);
    return scope ? t(`settings.apiKeys.scopes.${scope}`) : '—';
  };
}
