import type { Stage, StageRef } from '@whatrack/api-client';
import type { CSSProperties } from 'react';
import { stageColor } from './stageColor';

interface StageSelectProps {
  stage: StageRef;
  stages: readonly Stage[];
  onChange: (stage: Stage) => void;
  /** Accessible name, e.g. "Etapa de João". */
  label: string;
}

/** The ticket's stage as a chip in its color; choosing another one moves the ticket. */
export function StageSelect({ stage, stages, onChange, label }: StageSelectProps) {
  const known = stages.some((s) => s.id === stage.id);
  return (
    <span className="stage-select" style={{ '--stage-color': stageColor(stage.color) } as CSSProperties}>
      <span className="chip-dot" aria-hidden="true" />
      <select
        aria-label={label}
        value={stage.id}
        onChange={(event) => {
          const next = stages.find((s) => s.id === event.currentTarget.value);
          if (next && next.id !== stage.id) onChange(next);
        }}
      >
        {!known && <option value={stage.id}>{stage.name}</option>}
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </span>
  );
}
