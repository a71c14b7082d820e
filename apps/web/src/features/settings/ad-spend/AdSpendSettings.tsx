import { usePermissions } from '../../auth/usePermissions';
import { AdSpendImport } from './AdSpendImport';
import { AdSpendList } from './AdSpendList';
import { useAdSpendMutations } from './useAdSpendMutations';

/** Daily spend of the ad campaigns: owners and admins import it (CSV, previewed first) and delete rows; agents see it. */
export function AdSpendSettings() {
  const { canManage } = usePermissions();
  return canManage ? <ManagedAdSpend /> : <AdSpendList />;
}

function ManagedAdSpend() {
  const { importFile, remove } = useAdSpendMutations();
  return (
    <>
      <AdSpendImport importFile={importFile} />
      <AdSpendList remove={remove} />
    </>
  );
}
