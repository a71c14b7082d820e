import type { TicketEvent } from '@whatrack/api-client';
import type { TFunction } from 'i18next';

interface SentenceContext {
  t: TFunction;
  money: (value: number | string | null | undefined) => string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const amount = (value: unknown): number | null =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : null;

/** Who did it: the person's name, the API key's name, or the system. */
export function actorLabel(event: Pick<TicketEvent, 'actorType' | 'actorName'>, t: TFunction): string {
  const name = text(event.actorName);
  switch (event.actorType) {
    case 'user':
      return name ?? t('timeline.someone');
    case 'api_key':
      return name ? t('timeline.apiKeyActor', { name }) : t('timeline.integration');
    case 'system':
      return name ?? t('app.name');
  }
}

/** One timeline entry as a sentence: "Maria moveu de Novo para Em Andamento". */
export function timelineSentence(event: TicketEvent, { t, money }: SentenceContext): string {
  const actor = actorLabel(event, t);
  const before = event.before ?? {};
  const after = event.after ?? {};
  switch (event.type) {
    case 'created': {
      const stage = text(after.stageName);
      return stage ? t('timeline.createdIn', { actor, stage }) : t('timeline.created', { actor });
    }
    case 'stage_changed':
      return t('timeline.stageChanged', {
        actor,
        from: text(before.stageName) ?? t('timeline.unknownStage'),
        to: text(after.stageName) ?? t('timeline.unknownStage'),
      });
    case 'assigned': {
      const to = text(after.assigneeName);
      const from = text(before.assigneeName);
      if (!to) return from ? t('timeline.unassignedFrom', { actor, from }) : t('timeline.unassigned', { actor });
      if (to === text(event.actorName) && event.actorType === 'user') return t('timeline.assignedSelf', { actor });
      return t('timeline.assigned', { actor, to });
    }
    case 'deal_value_changed': {
      const from = amount(before.dealValue);
      const to = money(amount(after.dealValue));
      return from === null
        ? t('timeline.dealValueSet', { actor, to })
        : t('timeline.dealValueChanged', { actor, from: money(from), to });
    }
    case 'sale_added': {
      const value = money(amount(after.value));
      const description = text(after.description);
      return description
        ? t('timeline.saleAddedWithDescription', { actor, value, description })
        : t('timeline.saleAdded', { actor, value });
    }
  }
  // A type added to the API after this version of the app.
  return t('timeline.other', { actor });
}
