import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../../../test/support/shared-data.ts';

const ATTACK = sharedData('attack/enterprise-attack.json');
const REPORT = [
  'APT29 (also tracked as Cozy Bear) staged payloads at hxxp://update-check[.]net/a.php and 185.220.101[.]34.',
  'The dropper invoice.exe (SHA256 0F0B4C52E3A8C5E0D9C7B2A1F6E5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7) ran PowerShell (T1059.001).',
  'Version 2.4.1.7 of the agent and the resolver 8.8.8.8 are not indicators of this campaign.',
].join('\n');

function extract(args: string[]) {
  const result = spawnSync(process.execPath, ['apps/cli/bin/assay.js', 'intel', 'extract', '-', ...args], {
    input: REPORT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('assay intel extract', () => {
  it('prints normalised indicators with their sentences, and marks rather than drops known benign values', () => {
    const out = JSON.parse(extract([]));
    const values = out.indicators.map((i: { type: string; value: string }) => `${i.type}:${i.value}`);
    expect(values).toEqual(
      expect.arrayContaining([
        'url:http://update-check.net/a.php',
        'ipv4:185.220.101.34',
        'file:invoice.exe',
        'sha256:0f0b4c52e3a8c5e0d9c7b2a1f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7',
        'attack_technique:T1059.001',
      ]),
    );
    expect(values).not.toContain('ipv4:2.4.1.7');
    const resolver = out.indicators.find((i: { value: string }) => i.value === '8.8.8.8');
    if (resolver) expect(resolver.warnings.length).toBeGreaterThan(0);
    expect(out.indicators[0].context).toContain('APT29');
  });

  it('prints CSV', () => {
    const lines = extract(['--format', 'csv']).trim().split('\n');
    expect(lines[0]).toBe('type,value,context');
    expect(lines.some((l) => l.startsWith('ipv4,185.220.101.34,'))).toBe(true);
  });

  it.runIf(hasSharedData('attack/enterprise-attack.json'))(
    'finds actors by name and alias with the ATT&CK bundle',
    () => {
      const out = JSON.parse(extract(['--attack', ATTACK]));
      expect(out.actors.map((a: { id: string }) => a.id)).toContain('G0016');
    },
  );
});
