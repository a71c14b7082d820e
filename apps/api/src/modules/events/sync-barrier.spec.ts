import { SyncBarrier } from './sync-barrier';

/** A barrier whose tokens come back only when the test says so. */
function setup(timeoutMs = 1_000) {
  const sent: string[] = [];
  const barrier = new SyncBarrier(timeoutMs, (token) => {
    sent.push(token);
    return Promise.resolve();
  });
  return { barrier, sent };
}

describe('SyncBarrier', () => {
  it('resolves once its token is heard back', async () => {
    const { barrier, sent } = setup();
    let done = false;
    const sync = barrier.sync().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    barrier.heard(sent[0]!);
    await sync;
    expect(done).toBe(true);
  });

  it('lets callers that arrive during a round share the next one, not the one already out', async () => {
    const { barrier, sent } = setup();
    const first = barrier.sync();
    const second = barrier.sync();
    const third = barrier.sync();
    expect(sent).toHaveLength(1);
    barrier.heard(sent[0]!);
    await first;
    await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(2);
    barrier.heard(sent[1]!);
    await Promise.all([second, third]);
    expect(sent).toHaveLength(2);
  });

  it('rejects when the token does not come back in time, or the listener is lost', async () => {
    const { barrier, sent } = setup(20);
    await expect(barrier.sync()).rejects.toThrow('sync timed out');
    const lost = barrier.sync();
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    barrier.failAll(new Error('event listener lost'));
    await expect(lost).rejects.toThrow('event listener lost');
  });
});
