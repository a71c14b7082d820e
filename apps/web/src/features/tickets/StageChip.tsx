import type { Stage } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function StageChip({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const color = HEX_COLOR.test(stage.color) ? stage.color : undefined;
  return (
    <span className="chip" data-closed={stage.isClosed || undefined}>
      <span className="chip-dot" style={color ? { background: color } : undefined} aria-hidden="true" />
      <span>{stage.name}</span>
      {stage.isClosed && <span className="chip-badge">{t('tickets.stages.closed')}</span>}
    </span>
  );
}
