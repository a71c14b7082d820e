import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { TICKET_SORTS, type TicketSort } from '../tickets/ticketFilters';
import type { TicketFiltersState } from '../tickets/useTicketFilters';

/** The order of the ticket list, kept in the URL with the filters. */
export function SortSelect({ state }: { state: Pick<TicketFiltersState, 'filters' | 'setFilters'> }) {
  const { t } = useTranslation();
  return (
    <SelectField
      className="queue-sort"
      label={t('queue.sort.label')}
      value={state.filters.sort}
      onChange={(event) => state.setFilters({ sort: event.currentTarget.value as TicketSort })}
    >
      {TICKET_SORTS.map((sort) => (
        <option key={sort} value={sort}>
          {t(`queue.sort.options.${sort}`)}
        </option>
      ))}
    </SelectField>
  );
}
