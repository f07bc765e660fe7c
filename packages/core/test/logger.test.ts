import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, isoTime, type Logger } from '../src/logger.ts';

const REDACTED = '[redacted]';

/** A logger writing to a file of its own, and a reader of its lines (written asynchronously). */
function fileLogger() {
  const file = join(mkdtempSync(join(tmpdir(), 'assay-log-')), 'out.log');
  const logger = createLogger({ destination: file });
  const lines = (count: number) =>
    vi.waitFor(() => {
      const written = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
      expect(written).toHaveLength(count);
      return written.map((line) => JSON.parse(line) as Record<string, unknown>);
    });
  return { logger, lines };
}

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
    const { logger, lines } = fileLogger();
    const before = Date.now();
    logger.info('hello');
    const [line] = await lines(1);
    expect(line).toMatchObject({ msg: 'hello', service: 'assay' });
    expect(Date.parse(String(line.time))).toBeGreaterThanOrEqual(before);
    expect(Date.parse(String(line.time))).toBeLessThanOrEqual(Date.now());
  });
});

describe('secrets in log lines', () => {
  it('are censored at the top level, one object down, and in request and response headers', async () => {
    const { logger, lines } = fileLogger();
    const user = { email: 'u@example.com', password: 'p2', token: 't2', secret: 's2', apiKey: 'a2' };
    logger.info({
      password: 'p',
      token: 't',
      secret: 's',
      key: 'k',
      apiKey: 'a',
      authorization: 'Bearer x',
      cookie: 'c',
      user,
      req: {
        method: 'GET',
        headers: { authorization: 'Bearer y', cookie: 'c', 'x-api-key': 'k', accept: '*/*' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': 'sid=1', 'content-type': 'application/json' } },
    });
    const [line] = await lines(1);
    expect(line).toMatchObject({
      password: REDACTED,
      token: REDACTED,
      secret: REDACTED,
      key: REDACTED,
      apiKey: REDACTED,
      authorization: REDACTED,
      cookie: REDACTED,
      user: {
        email: 'u@example.com',
        password: REDACTED,
        token: REDACTED,
        secret: REDACTED,
        apiKey: REDACTED,
      },
      req: {
        method: 'GET',
        headers: { authorization: REDACTED, cookie: REDACTED, 'x-api-key': REDACTED, accept: '*/*' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': REDACTED, 'content-type': 'application/json' } },
    });
    expect(user.password).toBe('p2'); // the caller's object is left as it was
  });

  it('are censored in bindings and in objects interpolated into the message', async () => {
    const { logger, lines } = fileLogger();
    const child: Logger = logger.child({ token: 'bound' });
    child.setBindings({ authorization: 'Bearer bound' });
    child.info('login %o', { password: 'interpolated' });
    const [line] = await lines(1);
    expect(JSON.stringify(line)).not.toMatch(/bound|interpolated/);
    expect(line).toMatchObject({ token: REDACTED, authorization: REDACTED });
  });
});
