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

export function createLogger(options: { level?: string; pretty?: boolean; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'assay',
    level: options.level ?? 'info',
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: options.name ?? 'assay' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } } }
      : {}),
  });
}

/** A logger that drops everything, for tests and tools that print on their own. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
