/** A LIKE pattern matching `term` anywhere, its wildcards and escape character taken literally. */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** A LIKE pattern matching text that starts with `term`. */
export function prefixPattern(term: string): string {
  return `${escapeLike(term)}%`;
}

/**
 * Shorter search terms match the start of names and e-mails only: "%a%" would match most of an organization, and
 * trigram indexes cannot serve a term shorter than a trigram, while a prefix is one range of a btree index.
 */
export const MIN_CONTAINS_TERM_LENGTH = 3;

/** The pattern a search term matches names and e-mails with: anywhere from three characters on, else at the start. */
export function searchPattern(term: string): string {
  const lower = term.toLowerCase();
  return [...lower].length >= MIN_CONTAINS_TERM_LENGTH ? containsPattern(lower) : prefixPattern(lower);
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
