import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fillTemplate';

describe('fillTemplate', () => {
  it('fills {{n}} with the n-th value and keeps the placeholders still empty', () => {
    expect(fillTemplate('Olá, {{1}}! Pedido {{2}}, de novo {{1}}.', ['Maria', ' '])).toBe(
      'Olá, Maria! Pedido {{2}}, de novo Maria.',
    );
    expect(fillTemplate('Sem variáveis', ['x'])).toBe('Sem variáveis');
    expect(fillTemplate('{{ 1 }} e {{3}}', ['a'])).toBe('a e {{3}}');
  });
});
