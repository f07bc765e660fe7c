import { AppError } from '@assay/core';
import { extractIndicators } from '../engine/index.ts';
import type { IndicatorType } from '../engine/types.ts';

/**
 * The canonical form of one indicator value an analyst typed (say when editing a staged item):
 * refanged and normalised by the same engine that reads reports, so an edit cannot create a
 * near-duplicate ("EVIL[.]com" and "evil.com" are one indicator). Refuses values that do not read as
 * exactly one indicator of `type`.
 */
// Values whose case carries no meaning; the engine reads prose, where all-caps words are rarely hosts.
const CASELESS = new Set<IndicatorType>(['domain', 'email', 'ipv6', 'md5', 'sha1', 'sha256', 'sha512']);

export function normaliseIndicator(type: IndicatorType, raw: string, field = 'value'): string {
  const input = CASELESS.has(type) ? raw.trim().toLowerCase() : raw.trim();
  const found = extractIndicators(input).filter((i) => i.type === type);
  const whole = found.find((i) => i.start <= 1 && i.end >= input.length - 1);
  if (!whole) {
    throw new AppError('VALIDATION_ERROR', `"${input.slice(0, 100)}" is not a valid ${type} indicator`, {
      details: [{ field, message: `expected one ${type} value` }],
    });
  }
  return whole.value;
}

/** How long an indicator stays actionable after it was last seen, by type (null: it does not expire). */
export const EXPIRY_DAYS: Record<string, number | null> = {
  ipv4: 30,
  ipv6: 30,
  domain: 90,
  url: 90,
  email: 180,
  file: 365,
  registry_key: 365,
  mutex: 365,
  bitcoin: 365,
  md5: null,
  sha1: null,
  sha256: null,
  sha512: null,
  cve: null,
  attack_technique: null,
  attack_tactic: null,
};

export function expiryFor(type: string, lastSeen: Date): Date | null {
  const days = EXPIRY_DAYS[type];
  return days == null ? null : new Date(lastSeen.getTime() + days * 86_400_000);
}

/** TLP 2.0 labels, least restrictive first. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Knowledge from several sources carries the most restrictive of their markings. */
export const stricterTlp = (a: string, b: string): Tlp =>
  TLP_LEVELS[Math.max(TLP_LEVELS.indexOf(a as Tlp), TLP_LEVELS.indexOf(b as Tlp))] ?? 'amber';
