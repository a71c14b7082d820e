/** A `/query` being typed: where its slash is and what follows it up to the caret. */
export interface SlashTrigger {
  start: number;
  end: number;
  query: string;
}

// A slash at the start of the text or after whitespace, then no whitespace up to the caret ("http://x" is no trigger).
const TRIGGER = /(^|\s)\/(\S*)$/;

/** The `/query` that ends at the caret, if one does. */
export function slashTriggerAt(text: string, caret: number): SlashTrigger | null {
  const match = TRIGGER.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2];
  return { start: caret - query.length - 1, end: caret, query };
}
