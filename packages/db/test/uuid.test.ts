import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from '../src/uuid.ts';

describe('uuidv7', () => {
  it('makes valid version 7 ids that sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect(ids.every(isUuid)).toBe(true);
    expect(ids.every((id) => id[14] === '7' && '89ab'.includes(id[19]))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the creation time in its first 48 bits', () => {
    const before = Date.now();
    const ms = Number.parseInt(uuidv7().replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
