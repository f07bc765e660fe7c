import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, isoTime } from '../src/logger.ts';

describe('log timestamps', () => {
  it('writes the same text as Date#toISOString, across seconds and within one', () => {
    const base = Date.UTC(2026, 11, 31, 23, 59, 58, 0);
    const instants = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1999, 2000, 2007, 86_400_123].map(
      (d) => base + d,
    );
    instants.push(0, -1, -1001, Date.UTC(10_000, 0, 1, 0, 0, 0, 5));
    for (const now of instants) expect(isoTime(now)).toBe(`,"time":"${new Date(now).toISOString()}"`);
  });

  it('puts that time on every line of the logger', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'assay-log-')), 'out.log');
    const logger = createLogger({ destination: file });
    const before = Date.now();
    logger.info({ token: 'hidden' }, 'hello');
    // The file is opened and written asynchronously.
    const text = await vi.waitFor(() => {
      const written = readFileSync(file, 'utf8');
      expect(written).toContain('\n');
      return written;
    });
    const line = JSON.parse(text.trim());
    expect(line).toMatchObject({ msg: 'hello', token: '[redacted]', service: 'assay' });
    expect(Date.parse(line.time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(line.time)).toBeLessThanOrEqual(Date.now());
  });
});
