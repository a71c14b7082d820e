import type { TFunction } from 'i18next';

/**
 * A duration as people say it: "45 s", "12 min", "3 h 20 min", "2 d 4 h" (two units at most; the smaller one is
 * dropped when zero); '—' when unknown.
 */
export function formatDuration(seconds: number | null, t: TFunction): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('reports.support.duration.seconds', { s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return t('reports.support.duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0
      ? t('reports.support.duration.hours', { h: hours })
      : t('reports.support.duration.hoursMinutes', { h: hours, m });
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0
    ? t('reports.support.duration.days', { d: days })
    : t('reports.support.duration.daysHours', { d: days, h });
}
