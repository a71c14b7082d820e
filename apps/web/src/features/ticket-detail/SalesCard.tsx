import type { TicketDetail, TicketSale } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ReadOnlyNote } from '../ui/ReadOnlyNote';
import { AddSaleForm } from './AddSaleForm';
import { useSaleMutations } from './useSaleMutations';

/** The ticket's sales with their total; everyone adds one, owners and admins also delete a wrong one. */
export function SalesCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const { money, date } = useOrganizationFormat();
  const mutations = useSaleMutations(ticket.id);
  const [deleting, setDeleting] = useState<TicketSale | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <section className="panel" aria-labelledby="sales-card-title">
      <div className="panel-head">
        <h2 id="sales-card-title" className="panel-title">
          {t('ticket.sales.title')}
        </h2>
        {!adding && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setAdding(true)}>
            {t('ticket.sales.add')}
          </button>
        )}
      </div>
      {adding && <AddSaleForm mutation={mutations.add} onDone={() => setAdding(false)} />}
      {ticket.sales.length === 0 ? (
        !adding && <p className="muted small">{t('ticket.sales.empty')}</p>
      ) : (
        <>
          <ul className="sales-list">
            {ticket.sales.map((sale) => (
              <li key={sale.id} className="sale">
                <div>
                  <span className="sale-value">{money(sale.value)}</span>
                  <span className="muted small">
                    {date(sale.soldAt)}
                    {sale.description && ` · ${sale.description}`}
                  </span>
                </div>
                {canManage && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    aria-label={t('ticket.sales.deleteLabel', { value: money(sale.value) })}
                    onClick={() => {
                      mutations.remove.reset();
                      setDeleting(sale);
                    }}
                  >
                    {t('common.delete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="sales-total">
            {t('ticket.sales.total')} <strong>{money(ticket.totalValue)}</strong>
          </p>
          {!canManage && <ReadOnlyNote>{t('ticket.sales.deleteReadOnly')}</ReadOnlyNote>}
        </>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('ticket.sales.deleteTitle')}
          confirmLabel={t('common.delete')}
          danger
          pending={mutations.remove.isPending}
          error={mutations.remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => mutations.remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        >
          <p>{t('ticket.sales.deleteBody', { value: money(deleting.value), date: date(deleting.soldAt) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
