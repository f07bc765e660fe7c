interface Waiter {
  grant: () => void;
}

/** Counting semaphore with a FIFO queue; a queued acquire leaves the queue when its signal aborts. */
export class Semaphore {
  private available: number;
  private readonly queue: Waiter[] = [];

  constructor(permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new Error('a semaphore needs at least one permit');
    this.available = permits;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with a release function to call exactly once (later calls are ignored). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.available > 0) {
      this.available -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next.grant();
      else this.available += 1;
    };
  }
}
