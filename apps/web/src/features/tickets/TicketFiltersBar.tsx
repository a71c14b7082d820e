import type { Stage, TicketSourceType, User } from '@whatrack/api-client';
import { TICKET_SOURCE_TYPES, UNASSIGNED } from '@whatrack/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { PeriodFilter } from './PeriodFilter';
import { SearchField } from './SearchField';
import { ASSIGNEE_ME } from '../queue/queueViews';
import { countActiveFilters } from './ticketFilters';
import type { TicketFiltersState } from './useTicketFilters';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface TicketFiltersBarProps {
  state: TicketFiltersState;
  stages: readonly Stage[];
  origins: readonly string[];
  users: readonly User[];
  /** The Kanban has one column per stage: no stage filter there. */
  hideStage?: boolean;
}

const booleanValue = (value: string) => (value === '' ? undefined : value === 'true');

/** Search and filters of the ticket screens; they live in the URL. Collapsed behind a button on narrow screens. */
export function TicketFiltersBar({ state, stages, origins, users, hideStage }: TicketFiltersBarProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { filters, setFilters, resetFilters } = state;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const searchHintId = useId();
  const active = countActiveFilters(hideStage ? { ...filters, stageId: undefined } : filters);
  const knownOrigins = filters.origin && !origins.includes(filters.origin) ? [...origins, filters.origin] : origins;

  return (
    <section className="filters" aria-label={t('filters.label')}>
      <div className="filters-top">
        <SearchField
          value={filters.q}
          onSearch={(q) => setFilters({ q }, { replace: true })}
          describedBy={searchHintId}
        />
        <button
          type="button"
          className="btn btn-secondary filters-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          {active > 0 ? t('filters.toggleCount', { count: active }) : t('filters.toggle')}
        </button>
      </div>
      {/* One- and two-letter searches match the start of names only (the API's rule, to keep them fast). */}
      <p id={searchHintId} className="field-hint search-hint">
        {t('filters.searchHint')}
      </p>
      <div id={panelId} className="filters-grid" data-open={open}>
        {!hideStage && (
          <SelectField
            label={t('filters.stage')}
            value={filters.stageId ?? ''}
            onChange={(event) => setFilters({ stageId: event.currentTarget.value || undefined })}
          >
            <option value="">{t('filters.allStages')}</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('filters.origin')}
          value={filters.origin ?? ''}
          onChange={(event) => setFilters({ origin: event.currentTarget.value || undefined })}
        >
          <option value="">{t('filters.allOrigins')}</option>
          {knownOrigins.map((origin) => (
            <option key={origin} value={origin}>
              {origin}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.source')}
          value={filters.source ?? ''}
          onChange={(event) => setFilters({ source: (event.currentTarget.value || undefined) as TicketSourceType })}
        >
          <option value="">{t('filters.allSources')}</option>
          {TICKET_SOURCE_TYPES.map((source) => (
            <option key={source} value={source}>
              {labels.ticketSourceType(source)}
            </option>
          ))}
        </SelectField>
        <PeriodFilter filters={filters} onChange={setFilters} />
        <SelectField
          label={t('filters.hasSales')}
          value={filters.hasSales === undefined ? '' : String(filters.hasSales)}
          onChange={(event) => setFilters({ hasSales: booleanValue(event.currentTarget.value) })}
        >
          <option value="">{t('filters.any')}</option>
          <option value="true">{t('filters.withSales')}</option>
          <option value="false">{t('filters.withoutSales')}</option>
        </SelectField>
        <SelectField
          label={t('filters.assignee')}
          value={filters.assigneeId ?? ''}
          onChange={(event) => setFilters({ assigneeId: event.currentTarget.value || undefined })}
        >
          <option value="">{t('filters.anyone')}</option>
          <option value={ASSIGNEE_ME}>{t('queue.assigneeMe')}</option>
          <option value={UNASSIGNED}>{t('filters.unassigned')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        {(active > 0 || filters.q) && (
          <div className="filters-reset">
            <button type="button" className="btn btn-ghost" onClick={resetFilters}>
              {t('filters.clear')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
