import type { Message } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { isInFlight, localMessageId, messagesCache, type MessagesData } from './messagesCache';

const message = (id: string, overrides: Partial<Message> = {}): Message => ({
  id,
  ticketId: 't1',
  direction: 'out',
  type: 'text',
  body: id,
  status: 'delivered',
  sentAt: '2025-01-15T13:31:00.000Z',
  createdAt: '2025-01-15T13:31:00.000Z',
  senderUserId: 'u1',
  senderName: 'Maria',
  errorCode: null,
  errorTitle: null,
  content: null,
  context: null,
  reactions: [],
  deletedAt: null,
  media: null,
  ...overrides,
});

const chat = (...pages: Message[][]): MessagesData => ({
  pages: pages.map((items, index) => ({ items, page: index + 1, pageSize: 2, total: 3 })),
  pageParams: pages.map((_, index) => index + 1),
});
const ids = (data: MessagesData | undefined) => data?.pages.map((page) => page.items.map((m) => m.id));

describe('messagesCache', () => {
  const local = message(localMessageId('k1'), { status: 'pending' });
  const stored = message('r9', { status: 'pending' });

  it('shows a new reply first (the chat is newest first) and counts it', () => {
    const data = messagesCache.prepend(chat([message('b'), message('a')], [message('z')]), local);
    expect(ids(data)).toEqual([[local.id, 'b', 'a'], ['z']]);
    expect(data?.pages[0]?.total).toBe(4);
    expect(messagesCache.prepend(undefined, local)).toBeUndefined();
  });

  it('puts the stored reply in place of the local one', () => {
    const data = messagesCache.settle(messagesCache.prepend(chat([message('a')]), local), local.id, stored);
    expect(ids(data)).toEqual([['r9', 'a']]);
    expect(data?.pages[0]?.total).toBe(4);
  });

  it('adds the stored reply when a refetch dropped the local one, and drops the local one when it brought it', () => {
    expect(ids(messagesCache.settle(chat([message('a')]), local.id, stored))).toEqual([['r9', 'a']]);
    const both = messagesCache.prepend(chat([stored, message('a')]), local);
    const settled = messagesCache.settle(both, local.id, stored);
    expect(ids(settled)).toEqual([['r9', 'a']]);
    expect(settled?.pages[0]?.total).toBe(3);
  });

  it('removes a refused reply and replaces a retried one wherever it is loaded', () => {
    const data = messagesCache.remove(messagesCache.prepend(chat([message('a')]), local), local.id);
    expect(ids(data)).toEqual([['a']]);
    expect(data?.pages[0]?.total).toBe(3);
    const retried = messagesCache.replace(chat([message('a')], [message('z', { status: 'failed' })]), message('z'));
    expect(retried?.pages[1]?.items[0]?.status).toBe('delivered');
    expect(messagesCache.find(retried, 'z')?.status).toBe('delivered');
  });

  it('counts pending and sent replies as in flight, not delivered ones nor the lead’s messages', () => {
    expect(isInFlight(message('a', { status: 'pending' }))).toBe(true);
    expect(isInFlight(message('a', { status: 'sent' }))).toBe(true);
    expect(isInFlight(message('a', { status: 'read' }))).toBe(false);
    expect(isInFlight(message('a', { status: 'failed' }))).toBe(false);
    expect(isInFlight(message('a', { direction: 'in', status: null }))).toBe(false);
  });
});
