import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionedIds, mentionQueryAt } from './mentions';

const ana = { id: 'u-ana', name: 'Ana Souza' };
const joao = { id: 'u-joao', name: 'João Lima' };

describe('mentions', () => {
  it('finds the mention being typed only at the start of a word and on the same line', () => {
    expect(mentionQueryAt('Fala @An', 8)).toEqual({ start: 5, query: 'An' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('maria@loja', 10)).toBeNull();
    expect(mentionQueryAt('@Ana\nok', 7)).toBeNull();
    expect(mentionQueryAt('sem arroba', 5)).toBeNull();
  });

  it('matches names and their words, ignoring accents and case', () => {
    expect(matchMembers([ana, joao], 'jo')).toEqual([joao]);
    expect(matchMembers([ana, joao], 'JOAO')).toEqual([joao]);
    expect(matchMembers([ana, joao], 'sou')).toEqual([ana]);
    expect(matchMembers([ana, joao], '')).toEqual([ana, joao]);
    expect(matchMembers([ana, joao], 'x')).toEqual([]);
  });

  it('inserts the name and keeps only the mentions still in the text', () => {
    const typed = 'Oi @an, veja';
    const result = insertMention(typed, { start: 3, query: 'an' }, 6, ana);
    expect(result).toEqual({ text: 'Oi @Ana Souza , veja', caret: 14 });
    expect(mentionedIds(result.text, [ana, joao, ana])).toEqual(['u-ana']);
    expect(mentionedIds('Oi, veja', [ana])).toEqual([]);
  });
});
