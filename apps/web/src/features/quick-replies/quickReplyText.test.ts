import { fillQuickReply, normalizeQuickReplyShortcut, unknownQuickReplyVariables } from '@whatrack/shared';
import { describe, expect, it } from 'vitest';
import { slashTriggerAt } from './slashTrigger';

describe('quick reply text', () => {
  it('fills known variables, drops an empty one with the spaces before it, and keeps unknown ones', () => {
    const values = { 'lead.firstName': 'João', 'agent.name': '  ', 'organization.name': 'Loja' };
    expect(fillQuickReply('Olá {{lead.firstName}}, aqui é da {{ organization.name }}.', values)).toBe(
      'Olá João, aqui é da Loja.',
    );
    expect(fillQuickReply('Olá {{lead.name}}, sou {{agent.name}}!', values)).toBe('Olá, sou!');
    expect(fillQuickReply('Pedido {{ticket.number}}', values)).toBe('Pedido {{ticket.number}}');
  });

  it('names each unknown variable once, in order', () => {
    expect(unknownQuickReplyVariables('{{lead.name}} {{x}} {{ y }} {{x}} {single}')).toEqual(['x', 'y']);
  });

  it('normalizes shortcuts as the API stores them', () => {
    expect(normalizeQuickReplyShortcut(' /Preço ')).toBe('preco');
    expect(normalizeQuickReplyShortcut('//Frete-Grátis')).toBe('frete-gratis');
  });

  it('finds a /query only at the start or after whitespace, up to the caret', () => {
    expect(slashTriggerAt('/pre', 4)).toEqual({ start: 0, end: 4, query: 'pre' });
    expect(slashTriggerAt('Oi\n/pix agora', 7)).toEqual({ start: 3, end: 7, query: 'pix' });
    expect(slashTriggerAt('http://x', 8)).toBeNull();
    expect(slashTriggerAt('/pix agora', 10)).toBeNull();
  });
});
