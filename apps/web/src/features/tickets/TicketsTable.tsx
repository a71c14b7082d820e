import type { Stage, TicketListItem, User } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { TicketRow } from './TicketRow';
import { useUpdateTicket } from './useUpdateTicket';

interface TicketsTableProps {
  tickets: readonly TicketListItem[];
  stages: readonly Stage[];
  users: readonly User[];
  /** A new page is loading (the previous one stays visible, dimmed). */
  stale?: boolean;
}

const COLUMNS = ['lead', 'origin', 'stage', 'assignee', 'dealValue', 'messages', 'sales', 'createdAt'] as const;

export function TicketsTable({ tickets, stages, users, stale }: TicketsTableProps) {
  const { t } = useTranslation();
  const { mutate } = useUpdateTicket();
  return (
    <div className="table-wrap" data-stale={stale || undefined} aria-busy={stale || undefined}>
      <table className="table table-cards">
        <caption className="visually-hidden">{t('tickets.tableCaption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                className={['dealValue', 'messages', 'sales'].includes(column) ? 'cell-number' : undefined}
              >
                {column === 'messages' ? (
                  <abbr title={t('tickets.columns.messages')}>{t('tickets.columns.messagesShort')}</abbr>
                ) : column === 'dealValue' ? (
                  <abbr title={t('tickets.columns.dealValue')}>{t('tickets.columns.dealValueShort')}</abbr>
                ) : (
                  t(`tickets.columns.${column}`)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} stages={stages} users={users} update={mutate} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
