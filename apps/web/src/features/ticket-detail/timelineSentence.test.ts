import type { TicketEvent } from '@whatrack/api-client';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/format';
import { timelineSentence } from './timelineSentence';

function event(overrides: Partial<TicketEvent>): TicketEvent {
  return {
    id: 'e1',
    type: 'created',
    actorType: 'user',
    actorId: 'u1',
    actorName: 'Maria',
    before: null,
    after: null,
    createdAt: '2025-01-15T13:30:00.000Z',
    ...overrides,
  };
}

const sentence = (e: Partial<TicketEvent>) =>
  timelineSentence(event(e), { t: i18n.t, money: (v) => formatMoney(v) }).replace(/\u00a0/g, ' ');

describe('timelineSentence (pt-BR)', () => {
  it('describes a stage change', () => {
    expect(
      sentence({
        type: 'stage_changed',
        before: { stageId: 's1', stageName: 'Novo' },
        after: { stageId: 's2', stageName: 'Em Andamento' },
      }),
    ).toBe('Maria moveu de Novo para Em Andamento');
  });

  it('describes the creation, with the stage when known', () => {
    expect(sentence({ after: { stageName: 'Novo', dealValue: 0 } })).toBe('Maria criou o ticket em Novo');
    expect(sentence({ actorType: 'system', actorName: null })).toBe('WhaTrack Tickets criou o ticket');
  });

  it('describes assignments', () => {
    expect(sentence({ type: 'assigned', after: { assigneeId: 'u2', assigneeName: 'Ana' } })).toBe(
      'Maria atribuiu o ticket a Ana',
    );
    expect(sentence({ type: 'assigned', after: { assigneeId: 'u1', assigneeName: 'Maria' } })).toBe(
      'Maria assumiu o ticket',
    );
    expect(
      sentence({ type: 'assigned', before: { assigneeName: 'Ana' }, after: { assigneeId: null, assigneeName: null } }),
    ).toBe('Maria removeu Ana do ticket');
  });

  it('describes deal values and sales with money in BRL', () => {
    expect(sentence({ type: 'deal_value_changed', before: { dealValue: 1000 }, after: { dealValue: 1500.5 } })).toBe(
      'Maria alterou o valor do negócio de R$ 1.000,00 para R$ 1.500,50',
    );
    expect(sentence({ type: 'sale_added', after: { value: '1200', description: 'Plano anual' } })).toBe(
      'Maria registrou uma venda de R$ 1.200,00 (Plano anual)',
    );
    expect(sentence({ type: 'sale_added', after: { value: 99 } })).toBe('Maria registrou uma venda de R$ 99,00');
  });

  it('names integrations and survives unknown stages and event types', () => {
    expect(
      sentence({
        type: 'stage_changed',
        actorType: 'api_key',
        actorName: 'Site',
        before: null,
        after: { stageName: 'Fechado' },
      }),
    ).toBe('A integração Site moveu de (etapa excluída) para Fechado');
    expect(sentence({ type: 'reopened' as TicketEvent['type'], actorName: null })).toBe('Alguém atualizou o ticket');
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    expect(sentence({ type: 'stage_changed', before: { stageName: 'New' }, after: { stageName: 'Won' } })).toBe(
      'Maria moved it from New to Won',
    );
  });
});
