import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translation catalogues', () => {
  it('have the same keys in pt-BR and en', () => {
    expect(keys(en).sort()).toEqual(keys(ptBR).sort());
  });

  it('have no empty strings', () => {
    for (const catalogue of [ptBR, en]) {
      const empty = keys(catalogue).filter((path) => {
        const text = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
