interface Request<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Gathers single requests into batches, without a timer: a request made while no batch runs starts
 * one at once (with whatever else arrives in the same tick); requests made while a batch runs wait
 * for it, then go together in the next one, up to `maxBatch`. One batch at a time: an idle caller
 * waits for nothing, and under load one round trip serves many requests (measured: two batches in
 * flight made the jobs bench slower, as each commit then waits on the other). `runBatch` answers per
 * item, in order. When a batch fails, its items are run again one by one, so only a failing item fails.
 */
export function batched<I, O>(
  runBatch: (items: I[]) => Promise<O[]>,
  maxBatch = 100,
): (item: I) => Promise<O> {
  const waiting: Request<I, O>[] = [];
  let running = false;

  async function settle(batch: Request<I, O>[]): Promise<void> {
    try {
      const results = await runBatch(batch.map((request) => request.item));
      for (const [i, request] of batch.entries()) request.resolve(results[i]);
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(
        batch.map((request) =>
          runBatch([request.item]).then(([result]) => request.resolve(result), request.reject),
        ),
      );
    }
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) await settle(waiting.splice(0, maxBatch));
    running = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (running) return;
      running = true;
      queueMicrotask(() => void drain());
    });
}
