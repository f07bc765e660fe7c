import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths never written to logs, whatever object carries them. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'key',
  'apiKey',
  '*.apiKey',
  'authorization',
  'cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

let cachedSecond = Number.NaN;
let secondText = '';

/**
 * pino's `time` field in ISO 8601, as `stdTimeFunctions.isoTime` writes it, without formatting a Date
 * for every line (a measurable share of a request's CPU): the text up to the second is kept while the
 * second lasts.
 */
export function isoTime(now = Date.now()): string {
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    secondText = new Date(second * 1000).toISOString().slice(0, -4); // through the '.', without '000Z'
  }
  const ms = now - second * 1000;
  return `,"time":"${secondText}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z"`;
}

export function createLogger(
  options: {
    level?: string;
    pretty?: boolean;
    name?: string;
    /** Where JSON lines go: a file descriptor or a path. Default stdout. */
    destination?: number | string;
  } = {},
): Logger {
  const settings = {
    name: options.name ?? 'assay',
    level: options.level ?? 'info',
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: options.name ?? 'assay' },
    timestamp: isoTime,
  };
  if (options.pretty)
    return pino({
      ...settings,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } },
    });
  // Written asynchronously: a line goes out at once when the stream is idle, and lines logged while a
  // write is under way go together in the next one, instead of one blocking write per line. pino
  // flushes what is pending when the process exits or is signalled; a kill -9 can lose the last lines.
  return pino(settings, pino.destination({ dest: options.destination ?? 1, sync: false }));
}

/** A logger that drops everything, for tests and tools that print on their own. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
