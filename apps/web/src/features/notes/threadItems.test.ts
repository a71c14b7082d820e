import type { Message, TicketNote } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { threadItemKey, threadItems } from './threadItems';

const message = (id: string, sentAt: string) => ({ id, sentAt }) as Message;
const note = (id: string, createdAt: string) => ({ id, createdAt }) as TicketNote;

describe('threadItems', () => {
  const messages = [message('m1', '2025-01-15T10:00:00Z'), message('m2', '2025-01-15T12:00:00Z')];
  const notes = [note('n0', '2025-01-15T09:00:00Z'), note('n1', '2025-01-15T11:00:00Z')];

  it('merges messages and notes by time', () => {
    const items = threadItems({ items: messages, hasMore: false }, { items: notes, hasMore: false });
    expect(items.map(threadItemKey)).toEqual(['note:n0', 'm1', 'note:n1', 'm2']);
  });

  it('holds back what is older than a list that still has pages to load', () => {
    const items = threadItems({ items: messages, hasMore: true }, { items: notes, hasMore: false });
    expect(items.map(threadItemKey)).toEqual(['m1', 'note:n1', 'm2']);
    const notesBehind = threadItems({ items: messages, hasMore: false }, { items: notes.slice(1), hasMore: true });
    expect(notesBehind.map(threadItemKey)).toEqual(['note:n1', 'm2']);
  });
});
