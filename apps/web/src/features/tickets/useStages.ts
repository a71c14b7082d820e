import type { Stage, StageList } from '@whatrack/api-client';
import { useApi } from '../../lib/useApi';

const byOrder = (a: Stage, b: Stage) => a.order - b.order || a.name.localeCompare(b.name);
const sortedItems = (data: StageList): Stage[] => [...data.items].sort(byOrder);

/** The organization's pipeline stages, in Kanban order. */
export function useStages() {
  const { hooks } = useApi();
  return hooks.useQuery('get', '/api/v1/stages', undefined, { select: sortedItems });
}
