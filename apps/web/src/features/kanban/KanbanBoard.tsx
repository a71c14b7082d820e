import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { Stage, TicketListItem } from '@whatrack/api-client';
import { useState } from 'react';
import type { TicketFilters } from '../tickets/ticketFilters';
import { useUpdateTicket } from '../tickets/useUpdateTicket';
import { KanbanCard } from './KanbanCard';
import { KanbanColumn } from './KanbanColumn';
import { columnKeyboardCoordinates } from './columnKeyboardCoordinates';
import { useKanbanAccessibility } from './useKanbanAccessibility';

interface KanbanBoardProps {
  stages: readonly Stage[];
  filters: TicketFilters;
}

// The column under the pointer; keyboard drags (no pointer) use the overlapping column.
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

const ticketOf = (data: unknown): TicketListItem | undefined =>
  (data as { ticket?: TicketListItem } | undefined)?.ticket;

/** One column per stage; dropping a card on another column moves the ticket there (optimistically). */
export function KanbanBoard({ stages, filters }: KanbanBoardProps) {
  const update = useUpdateTicket();
  const [dragged, setDragged] = useState<TicketListItem | null>(null);
  const accessibility = useKanbanAccessibility(stages);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const onDragStart = ({ active }: DragStartEvent) => setDragged(ticketOf(active.data.current) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const ticket = ticketOf(active.data.current);
    const target = stages.find((stage) => stage.id === over?.id);
    if (!ticket || !target || target.id === ticket.stage.id) return;
    update.mutate({
      id: ticket.id,
      leadName: ticket.leadName,
      body: { stageId: target.id },
      change: { stage: target },
    });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <div className="kanban">
        {stages.map((stage) => (
          <KanbanColumn key={stage.id} stage={stage} filters={filters} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{dragged ? <KanbanCard ticket={dragged} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}
