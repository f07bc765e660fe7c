import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'assay-config-'));
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

describe('configuration', () => {
  it('has working defaults: embedded mode, ports 8000 and 3000, a generated secret kept in DATA_DIR', () => {
    const config = load({});
    expect(config).toMatchObject({ API_PORT: 8000, WEB_PORT: 3000, embedded: true, storageKind: 'local' });
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(load({}).appSecret).toBe(config.appSecret);
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.TRUST_PROXY).toEqual(['loopback']);
  });

  it('reads which proxies to trust: yes, no, or addresses and ranges', () => {
    expect(load({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(load({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(load({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
  });

  it.each([
    [
      { API_PORT: 'abc' },
      /^Invalid configuration: API_PORT is invalid \(got "abc"\): expected a port number$/,
    ],
    [{ API_PORT: '70000' }, /API_PORT .*expected a port from 1 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL .*expected a postgres or postgresql URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL is invalid/],
    [{ ALLOW_SIGNUP: 'maybe' }, /ALLOW_SIGNUP .*expected true or false/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY .*expected true, false, or addresses/],
    [{ NODE_ENV: 'production' }, /APP_SECRET is missing/],
    [{ AUTH_JWKS_URL: 'https://idp.example/jwks' }, /AUTH_JWT_ISSUER is missing/],
    [{ S3_ACCESS_KEY_ID: 'x' }, /S3_BUCKET is missing/],
  ])('names the variable and what it expects: %j', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('stops a process with one line on stderr and exit code 78', () => {
    const result = spawnSync(process.execPath, ['apps/api/src/main.ts'], {
      env: { ...process.env, API_PORT: 'not-a-port', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: API_PORT is invalid (got "not-a-port"): expected a port number',
    ]);
  });
});
