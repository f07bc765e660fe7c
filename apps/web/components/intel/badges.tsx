import { Badge } from '@/components/ui/card';
import { confidenceBand, indicatorLabel, REPORT_STATUS_LABEL, TLP_HELP, TLP_LABEL } from '@/lib/intel-format';
import type { ItemStatus, ReportStatus, Tlp } from '@/lib/intel-types';

/** TLP 2.0 colours on black, as the standard prints them; the label is always written out. */
const TLP_STYLE: Record<Tlp, string> = {
  clear: 'bg-black text-white ring-1 ring-white/40',
  green: 'bg-black text-[#33ff00]',
  amber: 'bg-black text-[#ffc000]',
  'amber+strict': 'bg-black text-[#ffc000]',
  red: 'bg-black text-[#ff2b2b]',
};

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${TLP_STYLE[tlp] ?? TLP_STYLE.amber}`}
      title={TLP_HELP[tlp]}
      data-tlp={tlp}
    >
      {TLP_LABEL[tlp] ?? tlp}
    </span>
  );
}

/** One hue per family of indicator, but the type is always spelled out. */
const TYPE_FAMILY: Record<string, string> = {
  ipv4: 'network',
  ipv6: 'network',
  domain: 'network',
  url: 'network',
  email: 'network',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  sha512: 'hash',
  cve: 'vuln',
  attack_technique: 'attack',
  attack_tactic: 'attack',
  yara: 'hash',
};
/** The family shows as the border's colour only; the text keeps the theme's contrast in light and dark. */
const FAMILY_STYLE: Record<string, string> = {
  network: 'border-sky-500',
  hash: 'border-violet-500',
  vuln: 'border-danger',
  attack: 'border-accent',
  other: 'border-border',
};

export function IndicatorTypeBadge({ type }: { type: string }) {
  const family = TYPE_FAMILY[type] ?? 'other';
  return (
    <span
      className={`inline-block whitespace-nowrap rounded border border-l-4 bg-surface px-1.5 py-0.5 text-xs font-medium text-fg ${FAMILY_STYLE[family]}`}
      data-type={type}
    >
      {indicatorLabel(type)}
    </span>
  );
}

const BAND_STYLE = { high: 'bg-ok', medium: 'bg-accent', low: 'bg-danger' } as const;

/** A 0-100 confidence as a number, a word and a small bar (the bar is decoration). */
export function Confidence({ value }: { value: number }) {
  const band = confidenceBand(value);
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-xs" data-confidence={pct}>
      <span aria-hidden="true" className="inline-block h-1.5 w-10 overflow-hidden rounded-full bg-muted">
        <span className={`block h-full ${BAND_STYLE[band]}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="tabular-nums">
        {pct}
        <span className="sr-only"> out of 100,</span> <span className="text-fg-muted">{band}</span>
      </span>
    </span>
  );
}

const REPORT_TONE: Record<ReportStatus, 'neutral' | 'ok' | 'danger' | 'accent'> = {
  awaiting_upload: 'neutral',
  processing: 'accent',
  review: 'accent',
  completed: 'ok',
  failed: 'danger',
};

export const ReportStatusBadge = ({ status }: { status: ReportStatus }) => (
  <Badge tone={REPORT_TONE[status] ?? 'neutral'}>{REPORT_STATUS_LABEL[status] ?? status}</Badge>
);

const ITEM_TONE: Record<ItemStatus, 'neutral' | 'ok' | 'danger' | 'accent'> = {
  pending: 'neutral',
  accepted: 'ok',
  edited: 'ok',
  rejected: 'danger',
};

export const ItemStatusBadge = ({ status }: { status: ItemStatus }) => (
  <Badge tone={ITEM_TONE[status] ?? 'neutral'}>{status}</Badge>
);
