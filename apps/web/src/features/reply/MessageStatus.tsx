import { useTranslation } from 'react-i18next';

const STATUSES = ['pending', 'sent', 'delivered', 'read', 'played', 'failed'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (status: string): status is Status => (STATUSES as readonly string[]).includes(status);

const CHECK = 'M2 12.5l4.2 4.2L15.5 7.4';
const SECOND_CHECK = 'M9.8 15.4l1.3 1.3L20.4 7.4';
const PATHS: Record<Status, string[]> = {
  pending: ['M12 6.5V12l3.5 2', 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
  sent: [CHECK],
  delivered: [CHECK, SECOND_CHECK],
  read: [CHECK, SECOND_CHECK],
  played: [CHECK, SECOND_CHECK],
  failed: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7.5v5.5', 'M12 16.2v.3'],
};

/**
 * The delivery ticks of an outbound message: a clock while pending, ✓ sent, ✓✓ delivered, ✓✓ in colour read (or
 * played), red when failed; named for screen readers and on hover.
 */
export function MessageStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isStatus(status)) return <span className="message-status">{status}</span>;
  const label = t(`ticket.messages.statuses.${status}`);
  return (
    <span className="message-status" data-status={status} role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 22 24" aria-hidden="true" focusable="false">
        {PATHS[status].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  );
}
