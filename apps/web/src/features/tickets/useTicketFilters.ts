import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DEFAULT_FILTERS,
  parseTicketFilters,
  serializeTicketFilters,
  withFilters,
  type TicketFilters,
} from './ticketFilters';

export interface TicketFiltersState {
  filters: TicketFilters;
  /** Changes some filters (back to page 1 unless the page is given); `replace` skips a history entry (typing). */
  setFilters: (patch: Partial<TicketFilters>, options?: { replace?: boolean }) => void;
  resetFilters: () => void;
  /** The current query string (`?stage=…`), to carry the filters to another view. */
  search: string;
}

/** The ticket filters kept in the URL, so a filtered view can be shared and survives a reload. */
export function useTicketFilters(): TicketFiltersState {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseTicketFilters(params), [params]);
  const setFilters = useCallback(
    (patch: Partial<TicketFilters>, options?: { replace?: boolean }) => {
      setParams((previous) => serializeTicketFilters(withFilters(parseTicketFilters(previous), patch)), {
        replace: options?.replace,
      });
    },
    [setParams],
  );
  const resetFilters = useCallback(() => {
    setParams((previous) => {
      const { sort } = parseTicketFilters(previous);
      return serializeTicketFilters({ ...DEFAULT_FILTERS, sort });
    });
  }, [setParams]);
  const query = serializeTicketFilters(filters).toString();
  return { filters, setFilters, resetFilters, search: query ? `?${query}` : '' };
}
