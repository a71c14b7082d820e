import type { Stage, StageList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const byOrder = (a: Stage, b: Stage) => a.order - b.order || a.name.localeCompare(b.name);
const sortedItems = (data: StageList): Stage[] => [...data.items].sort(byOrder);

/** The organization's pipeline stages, in Kanban order. */
export function useStages() {
  return useApiQuery(queryKeys.stages(), { select: sortedItems });
}
