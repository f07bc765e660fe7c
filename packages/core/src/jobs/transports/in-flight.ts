/** The handlers a transport is running, so `stop` can wait for them and a fetch loop for a free slot. */
export class InFlight {
  #running = new Set<Promise<unknown>>();
  #waiters: Array<() => void> = [];

  get size(): number {
    return this.#running.size;
  }

  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => {},
      () => {},
    );
    this.#running.add(settled);
    void settled.then(() => {
      this.#running.delete(settled);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Resolves when any running handler finishes. */
  oneFinished(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Waits for all running handlers up to `timeoutMs`; true when none is left. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    while (this.#running.size > 0) {
      const all = Promise.all([...this.#running]).then(() => true);
      const done = await Promise.race([all, timeout.then(() => false)]);
      if (!done) break;
    }
    clearTimeout(timer);
    return this.#running.size === 0;
  }
}

/** Races a promise against a deadline (the promise keeps running; only the wait is bounded). */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
