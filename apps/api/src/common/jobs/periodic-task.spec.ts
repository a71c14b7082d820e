import { PeriodicTask } from './periodic-task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('never runs two rounds at once, logs a failed round and goes on, and stop() waits for the round in flight', async () => {
    let running = 0;
    let overlapped = false;
    let rounds = 0;
    const errors: string[] = [];
    const task = new PeriodicTask(
      'test task',
      async () => {
        rounds += 1;
        running += 1;
        if (running > 1) overlapped = true;
        await sleep(25);
        running -= 1;
        if (rounds === 1) throw new Error('boom');
      },
      { error: (message: string) => errors.push(message) },
    );
    task.start(5);
    await sleep(120);
    await task.stop();
    const after = rounds;
    await sleep(30);
    expect({ overlapped, running, failed: errors[0], more: rounds > 2, stopped: rounds === after }).toEqual({
      overlapped: false,
      running: 0,
      failed: 'test task failed: boom',
      more: true,
      stopped: true,
    });
  });

  it('stays off with an interval of 0', async () => {
    let rounds = 0;
    const task = new PeriodicTask('off', () => Promise.resolve((rounds += 1)), { error: () => undefined });
    task.start(0);
    await sleep(20);
    await task.stop();
    expect(rounds).toBe(0);
  });
});
