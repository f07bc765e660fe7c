/** Counts finished jobs and lets a run wait for the next `n`; fails a run that stops making progress. */
export class Completions {
  #done = 0;
  #other = 0;
  #target = 0;
  #resolve: (() => void) | undefined;
  #stallTimer: NodeJS.Timeout | undefined;
  readonly stallMs: number;

  constructor(stallMs = 60_000) {
    this.stallMs = stallMs;
  }

  /** Outcomes other than completed (retrying, lost, dead...): a no-op job should have none. */
  get other(): number {
    return this.#other;
  }

  completed(): void {
    this.#done += 1;
    this.#stallTimer?.refresh();
    if (this.#resolve && this.#done >= this.#target) this.#resolve();
  }

  notCompleted(): void {
    this.#other += 1;
  }

  /** Resolves once `n` more jobs than now have completed. */
  next(n: number): Promise<void> {
    this.#target = this.#done + n;
    const all = new Promise<void>((resolve, reject) => {
      this.#stallTimer = setTimeout(
        () =>
          reject(new Error(`no job completed for ${this.stallMs} ms (${this.#target - this.#done} left)`)),
        this.stallMs,
      );
      this.#resolve = () => {
        clearTimeout(this.#stallTimer);
        this.#resolve = undefined;
        resolve();
      };
      if (this.#done >= this.#target) this.#resolve();
    });
    all.catch(() => {}); // a stall while the caller is still enqueuing surfaces at its `await`
    return all;
  }
}
