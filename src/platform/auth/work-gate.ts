import { AppError } from '../http/errors.ts';

/**
 * At most `workers` tasks run at once, at most `queue` more wait; beyond that a task is refused at once
 * with 503 + Retry-After. Password hashing (argon2id, 19 MiB and tens of milliseconds of CPU each) goes
 * through one gate, so a flood of logins waits its turn instead of starving every other request.
 */
export class WorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private workers: number,
    private queue: number,
  ) {}

  resize(workers: number, queue: number): void {
    this.workers = Math.max(1, workers);
    this.queue = Math.max(0, queue);
    this.startWaiting();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.workers) {
      if (this.waiting.length >= this.queue) {
        throw new AppError('BUSY', { retryAfterSeconds: 2 });
      }
      // startWaiting counts this task as running before resolving, so no newcomer can take its slot.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.running--;
      this.startWaiting();
    }
  }

  private startWaiting(): void {
    while (this.running < this.workers) {
      const next = this.waiting.shift();
      if (!next) return;
      this.running++;
      next();
    }
  }

  /** For tests and metrics: tasks running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
