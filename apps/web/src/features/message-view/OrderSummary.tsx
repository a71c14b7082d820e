import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';

type Order = NonNullable<NonNullable<Message['content']>['order']>;

/** A cart sent from the catalog: each item's quantity × price and the total. */
export function OrderSummary({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const { money } = useOrganizationFormat();
  // The organization's format when the order is in its currency; a foreign one keeps its own symbol.
  const price = (value: number, currency: string | null) =>
    currency ? formatMoney(value, currency, i18n.resolvedLanguage ?? i18n.language) : money(value);
  return (
    <div className="chat-card">
      <span aria-hidden="true">🛒</span> <strong>{t('chatMessage.order.title')}</strong>
      {order.items.length === 0 ? (
        <p className="muted small">{t('chatMessage.order.noItems')}</p>
      ) : (
        <ul className="chat-order-items">
          {order.items.map((item) => (
            <li key={item.productRetailerId}>
              <span>{item.productRetailerId}</span>{' '}
              <span className="muted">
                {t('chatMessage.order.item', { quantity: item.quantity, price: price(item.itemPrice, item.currency) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('chatMessage.order.total', { total: price(order.total, order.currency) })}</strong>
      </p>
      {order.text && <p className="small">{order.text}</p>}
    </div>
  );
}
