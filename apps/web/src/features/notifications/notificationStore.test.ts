import { describe, expect, it } from 'vitest';
import { createNotificationStore } from './notificationStore';

const message = { kind: 'newMessage', ticketId: 't1', leadName: 'João', preview: 'Oi' } as const;

describe('createNotificationStore', () => {
  it('counts unread for the bell and unseen (arrived while away) for the title', () => {
    const store = createNotificationStore();
    store.add(message, { seen: true });
    store.add({ ...message, ticketId: 't2' }, { seen: false });
    expect(store.getState()).toMatchObject({ unread: 2, unseen: 1 });
    store.markAllSeen();
    expect(store.getState()).toMatchObject({ unread: 2, unseen: 0 });
    store.markAllRead();
    expect(store.getState()).toMatchObject({ unread: 0, unseen: 0 });
  });

  it('replaces an unread notification of the same ticket and kind, newest first', () => {
    const store = createNotificationStore();
    store.add(message, { seen: false });
    store.add({ kind: 'newTicket', ticketId: 't3', leadName: null, preview: null }, { seen: true });
    store.add({ ...message, preview: 'Ainda tem?', leadName: null }, { seen: true });
    const { items, unread, unseen } = store.getState();
    expect(items.map((n) => [n.ticketId, n.preview, n.leadName])).toEqual([
      ['t1', 'Ainda tem?', 'João'],
      ['t3', null, null],
    ]);
    expect({ unread, unseen }).toEqual({ unread: 2, unseen: 1 }); // Still not seen: it came while away.
  });

  it('marks one read and tells its subscribers', () => {
    const store = createNotificationStore();
    const added = store.add(message, { seen: false });
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.markRead(added.id);
    store.markRead(added.id);
    expect(store.getState()).toMatchObject({ unread: 0, unseen: 0 });
    expect(calls).toBe(1);
  });
});
