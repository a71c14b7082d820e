import type { components } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './formatDuration';

type Stage = components['schemas']['StageTimeDto'];

/** Per stage in board order: the median and p90 time a ticket stays in it per visit. */
export function StageTimeList({ stages }: { stages: readonly Stage[] }) {
  const { t } = useTranslation();
  return (
    <ul className="stage-times">
      {stages.map((stage) => (
        <li key={stage.stageId} className="stage-time">
          <span className="stage-time-name">
            <span className="stage-dot" style={{ background: stage.color }} aria-hidden="true" />
            {stage.name}
          </span>
          <span className="muted small">
            {stage.time.count === 0
              ? t('reports.support.stageEmpty')
              : t('reports.support.stageTime', {
                  count: stage.time.count,
                  median: formatDuration(stage.time.medianSeconds, t),
                  p90: formatDuration(stage.time.p90Seconds, t),
                })}
          </span>
        </li>
      ))}
    </ul>
  );
}
