import type { components } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './formatDuration';
import { useReportNumbers } from './reportFormat';

type Report = components['schemas']['SupportReportDto'];
type Row = components['schemas']['SupportRowDto'];

/** One row per agent, line or period with its response and resolution times, then the total. */
export function SupportTable({ report, groupLabel }: { report: Report; groupLabel: string }) {
  const { t } = useTranslation();
  const numbers = useReportNumbers();
  const label = (row: Row) => {
    if (row.key === '(none)') return t('reports.support.unassigned');
    if (report.groupBy === 'agent' || report.groupBy === 'line') return row.label;
    const [year = '', month = '', day = ''] = row.key.split('-');
    return report.groupBy === 'month' ? `${month}/${year}` : `${day}/${month}/${year}`;
  };
  const columns = [
    t('reports.support.columns.tickets'),
    t('reports.support.columns.firstResponseMedian'),
    t('reports.support.columns.firstResponseP90'),
    t('reports.support.columns.resolutionMedian'),
    t('reports.support.columns.resolutionP90'),
  ];
  const cells = (row: Row) => [
    numbers.count(row.tickets),
    formatDuration(row.firstResponse.medianSeconds, t),
    formatDuration(row.firstResponse.p90Seconds, t),
    formatDuration(row.resolution.medianSeconds, t),
    formatDuration(row.resolution.p90Seconds, t),
  ];
  const line = (row: Row, title: string, key: string) => (
    <tr key={key}>
      <th scope="row" data-label={groupLabel}>
        <span className="cell-title">{title}</span>
      </th>
      {cells(row).map((value, index) => (
        <td key={columns[index]} className="cell-number" data-label={columns[index]}>
          {value}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table table-cards report-table">
        <caption className="visually-hidden">{t('reports.support.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="cell-number">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{report.rows.map((row) => line(row, label(row), row.key))}</tbody>
        <tfoot>{line(report.total, t('reports.support.total'), 'total')}</tfoot>
      </table>
    </div>
  );
}
