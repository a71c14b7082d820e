import type { QuickReply } from '@whatrack/api-client';
import { normalizeQuickReplyShortcut } from '@whatrack/shared';

/** How many suggestions the composer lists at once (the rest are one more letter away). */
export const MAX_SUGGESTIONS = 8;

const folded = (text: string) => normalizeQuickReplyShortcut(text);

/**
 * The quick replies a typed `/query` means: shortcuts that start with it first, then shortcuts or titles that
 * contain it; case and accents ignored, so "/preç" finds `preco` and "Preço".
 */
export function matchQuickReplies(items: readonly QuickReply[], query: string): QuickReply[] {
  const wanted = folded(query);
  if (!wanted) return items.slice(0, MAX_SUGGESTIONS);
  const starts: QuickReply[] = [];
  const contains: QuickReply[] = [];
  for (const item of items) {
    if (item.shortcut.startsWith(wanted)) starts.push(item);
    else if (item.shortcut.includes(wanted) || folded(item.title).includes(wanted)) contains.push(item);
  }
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}
