import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { WorkGate } from './work-gate.ts';

/** A task that finishes when the test says so. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('password work gate', () => {
  it('runs at most `workers` tasks at once and starts queued ones as others finish', async () => {
    const gate = new WorkGate(2, 10);
    const tasks = Array.from({ length: 5 }, pending);
    let peak = 0;
    let started = 0;
    const runs = tasks.map((task) =>
      gate.run(async () => {
        started++;
        peak = Math.max(peak, gate.load.running);
        await task.done;
      }),
    );
    await Promise.resolve();
    expect(started).toBe(2);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    for (const task of tasks) task.finish();
    await Promise.all(runs);
    expect(started).toBe(5);
    expect(peak).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 503 and Retry-After beyond the queue bound, and frees the slot of a failed task', async () => {
    const gate = new WorkGate(1, 1);
    const first = pending();
    const running = gate.run(() => first.done);
    const queued = gate.run(async () => 'queued');
    const refused = await gate.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    first.finish();
    await running;
    expect(await queued).toBe('queued');
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'after')).toBe('after');
  });
});
