/** A team member as the @ list offers and a note records them. */
export interface Mentionable {
  id: string;
  name: string;
}

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  /** What was typed after it, up to the caret. */
  query: string;
}

/** Longer than any name: past it the `@` was an address or a word, not a mention being typed. */
const QUERY_MAX = 40;
const MATCHES_MAX = 8;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('pt-BR');

/** The mention being typed at the caret: an `@` at the start of a word, with no line break after it. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || (start > 0 && !/\s/.test(before[start - 1]))) return null;
  const query = before.slice(start + 1);
  if (query.length > QUERY_MAX || /[\n\r]/.test(query) || query.startsWith(' ')) return null;
  return { start, query };
}

/** Members whose name, or one of its words, starts with the query (accents and case aside). */
export function matchMembers<M extends Mentionable>(members: readonly M[], query: string): M[] {
  const wanted = fold(query.trimEnd());
  return members
    .filter((member) => {
      const name = fold(member.name);
      return name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, MATCHES_MAX);
}

/** The text with the typed mention replaced by the member's name, and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, member: Mentionable) {
  const inserted = `@${member.name} `;
  return { text: text.slice(0, mention.start) + inserted + text.slice(caret), caret: mention.start + inserted.length };
}

/** The ids of the picked members whose `@name` is still in the text (a deleted mention notifies nobody). */
export function mentionedIds(text: string, picked: readonly Mentionable[]): string[] {
  return [...new Set(picked.filter((member) => text.includes(`@${member.name}`)).map((member) => member.id))];
}
