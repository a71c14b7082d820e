/**
 * The variables a quick reply's text may hold, as `{{name}}`. A closed set: the API refuses any other at save, so a
 * typo shows when the snippet is written rather than as a raw `{{...}}` in a message to a lead. The SPA fills them
 * when the agent inserts the snippet (the agent sees and edits the result before sending).
 */
export const QUICK_REPLY_VARIABLES = [
  'lead.firstName',
  'lead.name',
  'agent.firstName',
  'agent.name',
  'organization.name',
] as const;

export type QuickReplyVariable = (typeof QUICK_REPLY_VARIABLES)[number];

export type QuickReplyValues = Partial<Record<QuickReplyVariable, string | null>>;

/** A shortcut's length limit, without the leading slash. */
export const QUICK_REPLY_SHORTCUT_MAX_LENGTH = 32;

/** A normalized shortcut: lower-case letters and digits, with `-` or `_` between them. */
export const QUICK_REPLY_SHORTCUT_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

// `[^{}]` keeps `{{a}} {{b}}` as two variables; the optional whitespace accepts `{{ lead.name }}`.
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(QUICK_REPLY_VARIABLES);

/**
 * What a typed shortcut is stored and matched as: no leading slash, trimmed, lower case, accents dropped (`/Preço`
 * is `preco`), so agents find it however they type it.
 */
export function normalizeQuickReplyShortcut(typed: string): string {
  return typed
    .trim()
    .replace(/^\/+/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The `{{...}}` names in a text that are not quick-reply variables, each once, in order of appearance. */
export function unknownQuickReplyVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) {
    if (!KNOWN.has(match[1])) unknown.add(match[1]);
  }
  return [...unknown];
}

/** The first word of a name ("Maria Oliveira" → "Maria"); empty without a name. */
export function firstName(name: string | null | undefined): string {
  return name?.trim().split(/\s+/)[0] ?? '';
}

/**
 * A quick reply's text with its variables filled. A variable without a value becomes empty and takes the spaces
 * before it along ("Olá {{lead.firstName}}, tudo bem?" → "Olá, tudo bem?"); an unknown one stays as written.
 */
export function fillQuickReply(text: string, values: QuickReplyValues): string {
  return text.replace(/([ \t]*)\{\{\s*([^{}]*?)\s*\}\}/g, (written, spaces: string, name: string) => {
    if (!KNOWN.has(name)) return written;
    const value = values[name as QuickReplyVariable]?.trim();
    return value ? `${spaces}${value}` : '';
  });
}
