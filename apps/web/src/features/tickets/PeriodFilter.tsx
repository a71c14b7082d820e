import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { PERIODS, type Period, type TicketFilters } from './ticketFilters';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface PeriodFilterProps {
  filters: TicketFilters;
  onChange: (patch: Partial<TicketFilters>) => void;
}

/** Creation-date presets, or a custom range of two calendar dates (organization time zone). */
export function PeriodFilter({ filters, onChange }: PeriodFilterProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  return (
    <>
      <SelectField
        label={t('filters.period')}
        value={filters.period}
        onChange={(event) => onChange({ period: event.currentTarget.value as Period })}
      >
        {PERIODS.map((period) => (
          <option key={period} value={period}>
            {labels.period(period)}
          </option>
        ))}
      </SelectField>
      {filters.period === 'custom' && (
        <>
          <TextField
            name="dateFrom"
            type="date"
            label={t('filters.dateFrom')}
            value={filters.dateFrom ?? ''}
            max={filters.dateTo}
            onChange={(event) => onChange({ period: 'custom', dateFrom: event.currentTarget.value || undefined })}
          />
          <TextField
            name="dateTo"
            type="date"
            label={t('filters.dateTo')}
            value={filters.dateTo ?? ''}
            min={filters.dateFrom}
            onChange={(event) => onChange({ period: 'custom', dateTo: event.currentTarget.value || undefined })}
          />
        </>
      )}
    </>
  );
}
