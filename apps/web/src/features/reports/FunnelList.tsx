import type { components } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useReportNumbers } from './reportFormat';

type Funnel = components['schemas']['FunnelReportDto'];

/** Stages in board order, a bar per stage sized by the tickets that reached it. */
export function FunnelList({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const numbers = useReportNumbers();
  const max = Math.max(1, ...funnel.stages.map((stage) => stage.reached));
  return (
    <ol className="funnel">
      {funnel.stages.map((stage) => (
        <li key={stage.stageId} className="funnel-stage">
          <div className="funnel-label">
            <span>{stage.name}</span>
            <span className="muted small">
              {t('reports.funnel.counts', {
                reached: numbers.count(stage.reached),
                current: numbers.count(stage.current),
              })}
            </span>
          </div>
          <div className="funnel-track" aria-hidden="true">
            <div className="funnel-bar" style={{ width: `${(stage.reached / max) * 100}%`, background: stage.color }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
