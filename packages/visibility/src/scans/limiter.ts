/**
 * Runs tasks with at most `limit(key)` in flight per key (a provider), all keys at once: a slow
 * provider does not hold back the others. Resolves when every task has settled; tasks handle their
 * own errors.
 */
export async function runKeyed<T>(
  items: T[],
  keyOf: (item: T) => string,
  limit: (key: string) => number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    queues.set(key, [...(queues.get(key) ?? []), item]);
  }
  const lanes: Promise<void>[] = [];
  for (const [key, queue] of queues) {
    const lane = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await task(next);
    };
    const width = Math.max(1, Math.min(limit(key), queue.length));
    for (let i = 0; i < width; i++) lanes.push(lane());
  }
  await Promise.all(lanes);
}
