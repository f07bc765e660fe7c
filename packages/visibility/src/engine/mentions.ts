import { acceptCandidates, lineLookup, mergeAdjacent } from './candidates.ts';
import { extractCitations } from './citations.ts';
import { type BrandForm, compileForms } from './forms.ts';
import { findFuzzy } from './fuzzy.ts';
import { type BrandMention, headBrand } from './heads.ts';
import { type Candidate, findExact, resolveOverlaps } from './matcher.ts';
import { MentionIndex } from './mention-index.ts';
import { buildPassages } from './passages.ts';
import { rankBrands } from './ranking.ts';
import { baselineSentiment, type SentimentScorer } from './sentiment.ts';
import { type Line, parseStructure, type Structure } from './structure.ts';
import { suggestCompetitors } from './suggestions.ts';
import { foldText } from './text.ts';
import type {
  AnswerExtraction,
  AnswerInput,
  BrandExtraction,
  BrandSentiment,
  Mention,
  TrackedBrand,
} from './types.ts';
import { findLinks } from './urls.ts';

export interface ExtractorOptions {
  /** Match misspellings one edit away from long names (default true). */
  fuzzy?: boolean;
}

function toMention(text: string, c: Candidate, lineAt: (o: number) => Line | undefined): Mention {
  return {
    span: c.span,
    text: text.slice(c.span[0], c.span[1]),
    form: c.form.form,
    kind: c.form.kind,
    fuzzy: c.fuzzy,
    distance: c.distance,
    suffix: c.suffix,
    block: lineAt(c.span[0])?.kind ?? 'prose',
  };
}

/**
 * Finds tracked brands in LLM answers: mentions with spans, rank, citations, sentiment and
 * untracked brand-like names. Build one per brand set and reuse it across answers.
 */
export class MentionExtractor {
  readonly brands: TrackedBrand[];
  private readonly forms: BrandForm[];
  private readonly fuzzy: boolean;

  constructor(brands: TrackedBrand[], options: ExtractorOptions = {}) {
    const ids = new Set<string>();
    for (const b of brands) {
      if (ids.has(b.id)) throw new Error(`duplicate brand id: ${b.id}`);
      ids.add(b.id);
    }
    this.brands = brands;
    this.forms = compileForms(brands);
    this.fuzzy = options.fuzzy ?? true;
  }

  /** Extraction with the offline lexicon sentiment (`method: "baseline"`). */
  extract(input: AnswerInput | string): AnswerExtraction {
    const { extraction, requests, text } = this.analyse(input);
    const scores = requests.map((r) => baselineSentiment(text, r.passages));
    return withSentiment(extraction, requests, scores);
  }

  /** Extraction with another sentiment scorer, e.g. an LLM; the rest is the same as `extract`. */
  async extractWith(input: AnswerInput | string, scorer: SentimentScorer): Promise<AnswerExtraction> {
    const { extraction, requests, text } = this.analyse(input);
    return withSentiment(extraction, requests, await scorer.score(text, requests));
  }

  private analyse(input: AnswerInput | string) {
    const { text, annotations = [] } = typeof input === 'string' ? { text: input } : input;
    if (typeof text !== 'string') throw new TypeError('answer text must be a string');
    const links = findLinks(text);
    const masked = links.map((l) => l.urlSpan);
    const folded = foldText(text);
    const structure = parseStructure(text);
    const lineAt = lineLookup(structure.lines);
    const raw = [
      ...findExact(folded, this.forms, masked),
      ...(this.fuzzy ? findFuzzy(folded, this.forms, masked) : []),
    ];
    const accepted = mergeAdjacent(text, acceptCandidates(resolveOverlaps(raw), { text, lineAt }));
    const mentions: BrandMention[] = accepted.map((c) => ({
      brandId: c.form.brandId,
      mention: toMention(text, c, lineAt),
    }));
    const index = new MentionIndex(mentions);
    const ranks = rankBrands(text, structure, index);
    const passages = buildPassages(text, structure, index, ownerLookup(text, structure, index));
    const brands: BrandExtraction[] = this.brands.map((b) => {
      const own = mentions.filter((m) => m.brandId === b.id).map((m) => m.mention);
      const rank = ranks.get(b.id);
      return {
        brand_id: b.id,
        owned: b.owned ?? false,
        mentioned: own.length > 0,
        count: own.length,
        fuzzy_count: own.filter((m) => m.fuzzy).length,
        mentions: own,
        rank: rank?.position ?? null,
        rank_method: rank?.method ?? null,
        rank_confidence: rank?.confidence ?? null,
        sentiment: null,
      };
    });
    const requests = brands
      .filter((b) => b.mentioned)
      .map((b) => ({
        brand_id: b.brand_id,
        brand_name: this.brands.find((x) => x.id === b.brand_id)!.name,
        passages: passages.get(b.brand_id) ?? [],
      }));
    const extraction: AnswerExtraction = {
      brands,
      citations: extractCitations(links, annotations, this.brands),
      suggestions: suggestCompetitors(
        text,
        structure,
        accepted.map((c) => c.span),
        masked,
      ),
    };
    return { extraction, requests, text };
  }
}

function ownerLookup(text: string, structure: Structure, mentions: MentionIndex) {
  const owners = new Map(structure.items.map((item) => [item.id, headBrand(text, item, mentions)]));
  return (item: { id: number }) => owners.get(item.id) ?? null;
}

function withSentiment(
  extraction: AnswerExtraction,
  requests: { brand_id: string }[],
  scores: BrandSentiment[],
): AnswerExtraction {
  if (scores.length !== requests.length)
    throw new Error('sentiment scorer returned a wrong number of results');
  const byBrand = new Map(requests.map((r, k) => [r.brand_id, scores[k]]));
  return {
    ...extraction,
    brands: extraction.brands.map((b) => ({ ...b, sentiment: byBrand.get(b.brand_id) ?? null })),
  };
}
