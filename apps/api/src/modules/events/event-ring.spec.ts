import { EventRing } from './event-ring';
import { type DeliveredEvent, eventFrame } from './realtime-event';

function event(id: number, organizationId = 'org-a', receivedAt = 0): DeliveredEvent {
  const base = { id: String(id), organizationId, type: 'ticket.created', data: { ticketId: `t${id}` } };
  return { ...base, frame: eventFrame(base), receivedAt };
}

describe('EventRing', () => {
  it("replays the organization's events after a kept id, in delivery order", () => {
    const ring = new EventRing(100, 60_000);
    // Delivery (commit) order, not id order: ids are taken before commit.
    for (const [id, org] of [
      [3, 'org-a'],
      [1, 'org-b'],
      [2, 'org-a'],
      [5, 'org-a'],
    ] as const)
      ring.push(event(id, org));
    expect(ring.after('3', 'org-a', 0)!.map((e) => e.id)).toEqual(['2', '5']);
    expect(ring.after('1', 'org-a', 0)!.map((e) => e.id)).toEqual(['2', '5']);
    expect(ring.after('5', 'org-a', 0)).toEqual([]);
  });

  it('knows nothing of ids it never saw, trimmed ones or ones before a clear', () => {
    const ring = new EventRing(300, 60_000);
    for (let id = 1; id <= 700; id++) ring.push(event(id));
    expect(ring.after('999', 'org-a', 0)).toBeNull();
    expect(ring.after('1', 'org-a', 0)).toBeNull();
    expect(ring.size).toBeLessThanOrEqual(300 + 256);
    expect(ring.after('650', 'org-a', 0)!.map((e) => e.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => String(651 + i)),
    );
    ring.clear();
    expect(ring.after('700', 'org-a', 0)).toBeNull();
    ring.push(event(701));
    expect(ring.after('701', 'org-a', 0)).toEqual([]);
  });

  it('lets events older than its window go', () => {
    const ring = new EventRing(100_000, 1_000);
    for (let id = 1; id <= 300; id++) ring.push(event(id, 'org-a', id));
    ring.push(event(301, 'org-a', 5_000));
    expect(ring.after('10', 'org-a', 5_000)).toBeNull();
    expect(ring.after('301', 'org-a', 5_000)).toEqual([]);
  });
});
