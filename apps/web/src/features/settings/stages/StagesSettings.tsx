import { usePermissions } from '../../auth/usePermissions';
import { ManagedStages } from './ManagedStages';
import { ReadOnlyStages } from './ReadOnlyStages';

/** The pipeline stages: owners and admins change them (the API refuses agents), agents see them. */
export function StagesSettings() {
  const { canManage } = usePermissions();
  return canManage ? <ManagedStages /> : <ReadOnlyStages />;
}
