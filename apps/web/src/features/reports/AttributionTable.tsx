import type { components } from '@whatrack/api-client';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { useReportNumbers } from './reportFormat';

type Row = components['schemas']['AttributionRowDto'];
type Column = 'label' | 'tickets' | 'conversionRate' | 'revenue' | 'spend' | 'cpl' | 'roas';
const COLUMNS: readonly Column[] = ['label', 'tickets', 'conversionRate', 'revenue', 'spend', 'cpl', 'roas'];

function compare(a: Row, b: Row, column: Column): number {
  if (column === 'label') return a.label.localeCompare(b.label);
  const x = a[column];
  const y = b[column];
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x - y;
}

/** One row per group with its metrics; every column sorts (click again to reverse). */
export function AttributionTable({ rows, groupLabel }: { rows: readonly Row[]; groupLabel: string }) {
  const { t } = useTranslation();
  const { money } = useOrganizationFormat();
  const numbers = useReportNumbers();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'tickets', descending: true });
  const sorted = useMemo(() => {
    const copy = [...rows];
    copy.sort((a, b) => compare(a, b, sort.column) * (sort.descending ? -1 : 1));
    return copy;
  }, [rows, sort]);
  const header = (column: Column) => (column === 'label' ? groupLabel : t(`reports.columns.${column}`));
  const cell = (row: Row, column: Column): string => {
    switch (column) {
      case 'label':
        return row.key === '(none)' ? t('reports.none') : row.label;
      case 'tickets':
        return numbers.count(row.tickets);
      case 'conversionRate':
        return numbers.percent(row.conversionRate);
      case 'revenue':
        return money(row.revenue);
      case 'spend':
        return row.spend === null ? '—' : money(row.spend);
      case 'cpl':
        return row.cpl === null ? '—' : money(row.cpl);
      case 'roas':
        return numbers.ratio(row.roas);
    }
  };

  return (
    <div className="table-wrap">
      <table className="table table-cards report-table">
        <caption className="visually-hidden">{t('reports.attribution.title')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  className={column === 'label' ? undefined : 'cell-number'}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      setSort((current) => ({
                        column,
                        descending: current.column === column ? !current.descending : column !== 'label',
                      }))
                    }
                  >
                    {header(column)}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.key}>
              {COLUMNS.map((column) =>
                column === 'label' ? (
                  <td key={column} data-label={header(column)}>
                    <span className="cell-title">{cell(row, column)}</span>
                  </td>
                ) : (
                  <td key={column} className="cell-number" data-label={header(column)}>
                    {cell(row, column)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
