import type { InfiniteData } from '@tanstack/react-query';
import type { Stage, StageRef, TicketDetail, TicketList, TicketListItem, TicketSummary } from '@whatrack/api-client';

/** What a PATCH /tickets/{id} changes, with what the UI needs to show it before the API answers. */
export interface TicketChange {
  stage?: Pick<Stage, 'id' | 'name' | 'color' | 'isClosed'>;
  assignee?: { id: string | null; name: string | null };
  dealValue?: number;
}

type ContributingFields = Pick<TicketListItem, 'dealValue' | 'salesCount' | 'status'>;

/** The summary without `before` and with `after` (either may be null: a ticket leaving or joining the set). */
export function adjustSummary(
  summary: TicketSummary,
  before: ContributingFields | null,
  after: ContributingFields | null,
): TicketSummary {
  const weight = (t: ContributingFields | null) => ({
    total: t ? 1 : 0,
    withSales: t && t.salesCount > 0 ? 1 : 0,
    dealValueTotal: t?.dealValue ?? 0,
    dealValueOpen: t && t.status === 'open' ? t.dealValue : 0,
  });
  const b = weight(before);
  const a = weight(after);
  return {
    total: summary.total - b.total + a.total,
    withSales: summary.withSales - b.withSales + a.withSales,
    dealValueTotal: round2(summary.dealValueTotal - b.dealValueTotal + a.dealValueTotal),
    dealValueOpen: round2(summary.dealValueOpen - b.dealValueOpen + a.dealValueOpen),
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const stageRef = (stage: TicketChange['stage'] & object): StageRef => ({
  id: stage.id,
  name: stage.name,
  color: stage.color,
});

export function applyToItem<T extends TicketListItem>(item: T, change: TicketChange): T {
  return {
    ...item,
    ...(change.stage ? { stage: stageRef(change.stage), status: change.stage.isClosed ? 'closed' : 'open' } : {}),
    ...(change.assignee ? { assigneeId: change.assignee.id, assigneeName: change.assignee.name } : {}),
    ...(change.dealValue !== undefined ? { dealValue: change.dealValue } : {}),
  };
}

/** One table page with the ticket changed in place (it stays on the page even if it no longer matches a filter). */
export function applyToList(list: TicketList, id: string, change: TicketChange): TicketList {
  const before = list.items.find((item) => item.id === id);
  if (!before) return list;
  const after = applyToItem(before, change);
  return {
    ...list,
    items: list.items.map((item) => (item.id === id ? after : item)),
    summary: adjustSummary(list.summary, before, after),
  };
}

export function applyToDetail(detail: TicketDetail, change: TicketChange): TicketDetail {
  return {
    ...detail,
    ...(change.stage
      ? { stage: { ...detail.stage, ...change.stage }, status: change.stage.isClosed ? 'closed' : 'open' }
      : {}),
    ...(change.assignee ? { assigneeId: change.assignee.id, assigneeName: change.assignee.name } : {}),
    ...(change.dealValue !== undefined ? { dealValue: change.dealValue } : {}),
  };
}

const newestFirst = (a: TicketListItem, b: TicketListItem) => b.createdAt.localeCompare(a.createdAt);

/**
 * One Kanban column (the stage `stageId`, loaded page by page) after a ticket changed: it leaves the column when
 * moved elsewhere, joins it (in creation order) when moved here, or is updated in place; counts and sums follow.
 */
export function applyToColumn(
  data: InfiniteData<TicketList>,
  stageId: string,
  before: TicketListItem,
  change: TicketChange,
): InfiniteData<TicketList> {
  const after = applyToItem(before, change);
  const inColumn = data.pages.some((page) => page.items.some((item) => item.id === before.id));
  const belongs = after.stage.id === stageId;
  if (!inColumn && !belongs) return data;
  const summary = adjustSummary(
    data.pages[0]?.summary ?? emptySummary,
    inColumn ? before : null,
    belongs ? after : null,
  );
  const pages = data.pages.map((page, index) => {
    let items = page.items.filter((item) => item.id !== before.id);
    if (belongs && (inColumn ? page.items.some((item) => item.id === before.id) : index === 0)) {
      items = [...items, after].sort(newestFirst);
    }
    return { ...page, items, summary, total: summary.total };
  });
  return { ...data, pages };
}

const emptySummary: TicketSummary = { total: 0, withSales: 0, dealValueOpen: 0, dealValueTotal: 0 };

/** The ticket as a list item, from any cached list or column (null when no list holds it). */
export function findListItem(datas: readonly unknown[], id: string): TicketListItem | null {
  for (const data of datas) {
    const pages = isInfinite(data) ? data.pages : isList(data) ? [data] : [];
    for (const page of pages) {
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
    }
  }
  return null;
}

export function isList(data: unknown): data is TicketList {
  return typeof data === 'object' && data !== null && Array.isArray((data as TicketList).items) && 'summary' in data;
}

export function isInfinite(data: unknown): data is InfiniteData<TicketList> {
  return typeof data === 'object' && data !== null && Array.isArray((data as InfiniteData<TicketList>).pages);
}
