import type { AiClient } from '@assay/core';
import { z } from 'zod';
import { indexCatalog } from '../attack/search.ts';
import type { AttackCatalog } from '../attack/types.ts';
import type { AttackMention, ReportExtraction } from '../engine/index.ts';
import { Sentences } from '../engine/sentences.ts';

const MAX_SENTENCES = 600;
const MAX_CHARS = 60_000;
export const LLM_WARNING = 'suggested by the language model; check the cited sentence';
const TECHNIQUE_ID = /^T1\d{3}(?:\.\d{3})?$/;

const claims = z.object({
  actors: z
    .array(
      z.object({
        name: z.string().max(200),
        attack_id: z.string().max(10).nullable(),
        sentence: z.number().int(),
      }),
    )
    .max(50),
  techniques: z.array(z.object({ attack_id: z.string().max(12), sentence: z.number().int() })).max(150),
});

interface Numbered {
  n: number;
  start: number;
  end: number;
  text: string;
}

/** The report cut into numbered sentences (the same boundaries the engine uses), bounded in size. */
export function numberedSentences(text: string): Numbered[] {
  const sentences = new Sentences(text);
  const out: Numbered[] = [];
  let chars = 0;
  for (let pos = 0; pos < text.length && out.length < MAX_SENTENCES; ) {
    const { start, end } = sentences.bounds(pos);
    const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (body) {
      chars += body.length;
      if (chars > MAX_CHARS) break;
      out.push({ n: out.length + 1, start, end, text: body });
    }
    pos = Math.max(end, pos + 1);
  }
  return out;
}

const SYSTEM =
  'You are a threat intelligence analyst. From the numbered sentences of a threat report, list the threat ' +
  'actors (intrusion sets) and MITRE ATT&CK techniques the report says were involved that a keyword search ' +
  'could miss (described in words rather than named). For each, give the ATT&CK ID (Gxxxx for groups, ' +
  'Txxxx or Txxxx.yyy for techniques; null for an actor ATT&CK does not list) and the number of the one ' +
  'sentence that supports it. Only claim what a sentence supports.';

/**
 * Adds what names alone miss, with the language model. Nothing is taken on trust: every claim must
 * cite a sentence of this report, and every ATT&CK ID must exist in the catalogue (or, without one,
 * have a technique's shape); an actor without an ID must be named in its sentence. What survives is
 * staged at modest confidence with a warning, for the analyst to accept or reject.
 */
export async function augmentWithLlm(
  ai: AiClient,
  call: { orgId: string; jobId: string; model?: string; signal: AbortSignal },
  text: string,
  baseline: ReportExtraction,
  catalog: AttackCatalog | undefined,
): Promise<{ extraction: ReportExtraction; suggested: number; dropped: number }> {
  const sentences = numberedSentences(text);
  if (sentences.length === 0) return { extraction: baseline, suggested: 0, dropped: 0 };
  const { object } = await ai.generateObject({
    orgId: call.orgId,
    jobId: call.jobId,
    module: 'intel',
    model: call.model,
    signal: call.signal,
    system: SYSTEM,
    prompt: `Sentences:\n${sentences.map((s) => `[${s.n}] ${s.text}`).join('\n')}`,
    schema: claims,
    schemaName: 'intel_claims',
    temperature: 0,
  });
  const index = catalog ? indexCatalog(catalog) : undefined;
  const known = new Set([...baseline.techniques, ...baseline.actors].map((m) => `${m.kind}:${m.id}`));
  const techniques = [...baseline.techniques];
  const actors = [...baseline.actors];
  let suggested = 0;
  let dropped = 0;
  const add = (
    list: AttackMention[],
    mention: Omit<AttackMention, 'occurrences' | 'via' | 'known' | 'warnings' | 'confidence'>,
    s: Numbered,
    isKnown: boolean,
  ) => {
    const key = `${mention.kind}:${mention.id}`;
    if (known.has(key)) return;
    known.add(key);
    suggested++;
    list.push({
      ...mention,
      known: isKnown,
      via: 'name',
      confidence: 60,
      warnings: [LLM_WARNING],
      occurrences: [{ raw: text.slice(s.start, s.end), start: s.start, end: s.end, sentence: s.text }],
    });
  };
  for (const t of object.techniques) {
    const s = sentences[t.sentence - 1];
    const id = t.attack_id.trim().toUpperCase().replace('/', '.');
    const entry = index?.get(id);
    const valid = index ? entry?.kind === 'technique' : TECHNIQUE_ID.test(id);
    if (!s || !valid) {
      dropped++;
      continue;
    }
    add(
      techniques,
      { kind: 'technique', id, name: entry?.object.name ?? id, stixId: entry?.object.stixId },
      s,
      !!entry,
    );
  }
  for (const a of object.actors) {
    const s = sentences[a.sentence - 1];
    const id = a.attack_id?.trim().toUpperCase() ?? null;
    const entry = id ? index?.get(id) : undefined;
    const named = s?.text.toLowerCase().includes(a.name.trim().toLowerCase()) && a.name.trim().length > 2;
    // With an ID it must be a group of the catalogue; without one the cited sentence must name the actor.
    if (!s || (id ? entry?.kind !== 'group' : !named)) {
      dropped++;
      continue;
    }
    add(
      actors,
      {
        kind: 'actor',
        id: id ?? a.name.trim(),
        name: entry?.object.name ?? a.name.trim(),
        stixId: entry?.object.stixId,
      },
      s,
      !!entry,
    );
  }
  return { extraction: { ...baseline, techniques, actors }, suggested, dropped };
}
