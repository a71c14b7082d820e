import type { Announcements, DndContextProps } from '@dnd-kit/core';
import type { Stage, TicketListItem } from '@whatrack/api-client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Accessibility = NonNullable<DndContextProps['accessibility']>;

/** Screen-reader instructions and announcements of the board, in the UI language. */
export function useKanbanAccessibility(stages: readonly Stage[]): Accessibility {
  const { t } = useTranslation();
  return useMemo(() => {
    const lead = (data: unknown) =>
      (data as { ticket?: TicketListItem } | undefined)?.ticket?.leadName || t('tickets.noName');
    const stageName = (id: unknown) => stages.find((stage) => stage.id === id)?.name ?? '';
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('kanban.announce.start', { lead: lead(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('kanban.announce.over', { lead: lead(active.data.current), stage: stageName(over.id) })
          : t('kanban.announce.outside', { lead: lead(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('kanban.announce.end', { lead: lead(active.data.current), stage: stageName(over.id) })
          : t('kanban.announce.cancel', { lead: lead(active.data.current) }),
      onDragCancel: ({ active }) => t('kanban.announce.cancel', { lead: lead(active.data.current) }),
    };
    return { announcements, screenReaderInstructions: { draggable: t('kanban.instructions') } };
  }, [stages, t]);
}
