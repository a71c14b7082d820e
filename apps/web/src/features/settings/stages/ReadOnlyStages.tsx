import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { stageColor } from '../../tickets/stageColor';
import { useStages } from '../../tickets/useStages';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SettingsSection } from '../SettingsSection';
import { StagesQueryState } from './StagesQueryState';

/** The pipeline as agents see it: names, colors and closing stages, without the owners' and admins' controls. */
export function ReadOnlyStages() {
  const { t } = useTranslation();
  const stages = useStages();
  return (
    <SettingsSection title={t('settings.stages.title')} description={t('settings.stages.descriptionReadOnly')}>
      <ReadOnlyNote>{t('settings.stages.readOnly')}</ReadOnlyNote>
      <StagesQueryState stages={stages} emptyHint={t('tickets.stages.emptyHintReadOnly')}>
        {(list) => (
          <ol className="stage-list">
            {list.map((stage) => (
              <li
                key={stage.id}
                className="stage-row stage-row-read-only"
                style={{ '--stage-color': stageColor(stage.color) } as CSSProperties}
              >
                <span className="chip-dot" aria-hidden="true" />
                <span className="stage-row-name">{stage.name}</span>
                {stage.isClosed && <span className="badge">{t('settings.stages.closes')}</span>}
              </li>
            ))}
          </ol>
        )}
      </StagesQueryState>
    </SettingsSection>
  );
}
