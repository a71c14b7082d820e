import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import type { Stage } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStages } from '../../tickets/useStages';
import { SettingsSection } from '../SettingsSection';
import { DeleteStageDialog } from './DeleteStageDialog';
import { NewStageForm } from './NewStageForm';
import { StageRow } from './StageRow';
import { StagesQueryState } from './StagesQueryState';
import { useStageMutations } from './useStageMutations';

/** Stages for owners and admins: create, rename, recolor, mark as closing, drag to reorder, delete (moving tickets). */
export function ManagedStages() {
  const { t } = useTranslation();
  const stages = useStages();
  const mutations = useStageMutations();
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const list = stages.data;
    if (!list || !over || active.id === over.id) return;
    const from = list.findIndex((stage) => stage.id === active.id);
    const to = list.findIndex((stage) => stage.id === over.id);
    if (from < 0 || to < 0) return;
    mutations.reorder.mutate(arrayMove(list, from, to).map((stage) => stage.id));
  };

  return (
    <>
      <SettingsSection title={t('settings.stages.title')} description={t('settings.stages.description')}>
        <StagesQueryState stages={stages} emptyHint={t('settings.stages.emptyHint')}>
          {(list) => (
            <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
              <SortableContext items={list.map((stage) => stage.id)} strategy={verticalListSortingStrategy}>
                <ol className="stage-list">
                  {list.map((stage) => (
                    <StageRow
                      key={stage.id}
                      stage={stage}
                      update={mutations.update}
                      onDelete={() => setDeleting(stage)}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          )}
        </StagesQueryState>
      </SettingsSection>
      <SettingsSection title={t('settings.stages.newTitle')}>
        <NewStageForm create={mutations.create} />
      </SettingsSection>
      {deleting && stages.data && (
        <DeleteStageDialog
          stage={deleting}
          stages={stages.data}
          remove={mutations.remove}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
