/**
 * A small semaphore for password hashing: at most `concurrency` argon2 runs at once (each
 * takes ~19 MiB and a thread-pool thread) and at most `queue` waiting; beyond that the
 * caller is refused at once instead of piling up memory and latency for everyone.
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Hashes run so far (real and dummy alike): lets tests see that a path did hash. */
  started = 0;

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  /** Runs `work` in a slot; null (without running it) when the slots and the queue are full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    this.started += 1;
    try {
      return { value: await work() };
    } finally {
      // The slot passes straight to the next waiter, so `running` never undercounts.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
