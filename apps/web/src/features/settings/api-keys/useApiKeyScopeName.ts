import { highestScope } from './apiKeyScope';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

/** What a key may do, named by its widest scope ("—" for a key without any: the API refuses it everything). */
export function useApiKeyScopeName(): (scopes: readonly string[]) => string {
  const labels = useEnumLabels();
  return (scopes) => {
    const scope = highestScope(scopes);
    return scope ? labels.apiKeyScope(scope) : '—';
  };
}
