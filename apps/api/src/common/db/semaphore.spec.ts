import { PermitRefusedError, Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('hands out at most `permits` at once and passes a released permit to the oldest waiter', async () => {
    const s = new Semaphore(2);
    const a = await s.acquire(1000);
    await s.acquire(1000);
    const order: string[] = [];
    const third = s.acquire(1000).then((release) => (order.push('third'), release));
    const fourth = s.acquire(1000).then((release) => (order.push('fourth'), release));
    expect(s.waiting).toBe(2);
    a();
    a(); // releasing twice frees one permit only
    await third;
    expect(order).toEqual(['third']);
    expect(s.waiting).toBe(1);
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
  });

  it('gives up after the wait budget, and when the signal aborts, leaving no waiter behind', async () => {
    const s = new Semaphore(1);
    const held = await s.acquire(1000);
    await expect(s.acquire(20)).rejects.toEqual(new PermitRefusedError('timeout'));
    const controller = new AbortController();
    const aborted = s.acquire(10_000, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ reason: 'aborted' });
    expect(s.waiting).toBe(0);
    held();
    const again = await s.acquire(10);
    expect(typeof again).toBe('function');
  });

  it('refuses at once a signal that already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new Semaphore(5).acquire(10, controller.signal)).rejects.toMatchObject({ reason: 'aborted' });
  });
});
