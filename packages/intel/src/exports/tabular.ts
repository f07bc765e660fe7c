import type { ExportModel } from './model.ts';

/** RFC 4180 cell, with formula-leading values neutralised for spreadsheets. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per indicator, with the reports it came from. */
export function toCsv(m: ExportModel): string {
  const sources = new Map<string, string[]>();
  const titles = new Map(m.reports.map((r) => [r.id, r.title]));
  for (const [reportId, refs] of m.reportObjects)
    for (const ref of refs)
      if (ref.type === 'indicator')
        sources.set(ref.ref, [...(sources.get(ref.ref) ?? []), titles.get(reportId) ?? reportId]);
  const header = [
    'type',
    'value',
    'confidence',
    'tlp',
    'first_seen',
    'last_seen',
    'expires_at',
    'sightings',
    'warnings',
    'reports',
  ];
  const rows = m.indicators.map((i) => [
    i.type,
    i.value,
    String(i.confidence),
    i.tlp,
    i.firstSeen.toISOString(),
    i.lastSeen.toISOString(),
    i.expiresAt?.toISOString() ?? '',
    String(i.sightings),
    i.warnings.join('; '),
    (sources.get(i.id) ?? []).join('; '),
  ]);
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The export as plain JSON in the API's field style. */
export function toJson(m: ExportModel) {
  return {
    format: 'assay-intel-export',
    version: 1,
    organization: m.organization,
    generated_at: m.generatedAt.toISOString(),
    filter: m.filter,
    indicators: m.indicators.map((i) => ({
      id: i.id,
      type: i.type,
      value: i.value,
      confidence: i.confidence,
      tlp: i.tlp,
      warnings: i.warnings,
      first_seen: i.firstSeen.toISOString(),
      last_seen: i.lastSeen.toISOString(),
      expires_at: i.expiresAt?.toISOString() ?? null,
      sightings: i.sightings,
    })),
    actors: m.actors.map((a) => ({
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      attack_id: a.attackId,
      confidence: a.confidence,
      tlp: a.tlp,
      first_seen: a.firstSeen.toISOString(),
      last_seen: a.lastSeen.toISOString(),
      sightings: a.sightings,
    })),
    attack: m.attack,
    relationships: m.relationships.map((r) => ({
      id: r.id,
      source: { type: r.sourceType, ref: r.sourceRef },
      type: r.type,
      target: { type: r.targetType, ref: r.targetRef },
      confidence: r.confidence,
      sightings: r.sightings,
    })),
    reports: m.reports.map((r) => ({
      id: r.id,
      title: r.title,
      tlp: r.tlp,
      source_url: r.sourceUrl,
      objects: m.reportObjects.get(r.id) ?? [],
    })),
  };
}
