import type { ExtractedDocument } from '../document.ts';
import { type Bm25Index, buildBm25 } from './bm25.ts';
import { buildPassages, type Passage } from './passages.ts';
import type { Phrase } from './text/terms.ts';

// Function words inside term phrases ("at rest", "need to know") say nothing about relevance.
const QUERY_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'and',
  'or',
  'is',
  'are',
  'be',
  'with',
  'as',
  'from',
  'that',
  'this',
  'it',
  'we',
  'you',
  'our',
  'your',
  'all',
  'any',
  'can',
  'may',
  'not',
  'no',
]);

/** Everything derived from one document, built once and shared by all controls assessed against it. */
export interface DocumentIndex {
  doc: ExtractedDocument;
  passages: Passage[];
  bm25: Bm25Index;
  /** The stems a BM25 query for these phrases should use, with prefixes expanded over the vocabulary. */
  queryStems(phrases: readonly Phrase[]): string[];
}

export function buildDocumentIndex(doc: ExtractedDocument): DocumentIndex {
  const passages = buildPassages(doc);
  const bm25 = buildBm25(passages.map((p) => p.tokens.map((t) => t.stem)));
  const stemOfRaw = new Map<string, string>();
  for (const passage of passages) for (const token of passage.tokens) stemOfRaw.set(token.raw, token.stem);
  const prefixCache = new Map<string, string[]>();

  const expandPrefix = (prefix: string): string[] => {
    let stems = prefixCache.get(prefix);
    if (!stems) {
      const found = new Set<string>();
      for (const [raw, stem] of stemOfRaw) if (raw.startsWith(prefix)) found.add(stem);
      stems = [...found];
      prefixCache.set(prefix, stems);
    }
    return stems;
  };

  return {
    doc,
    passages,
    bm25,
    queryStems(phrases) {
      const stems = new Set<string>();
      for (const phrase of phrases) {
        for (const word of phrase.words) {
          if (word.kind === 'stem') stems.add(word.value);
          else if (word.kind === 'prefix') for (const s of expandPrefix(word.value)) stems.add(s);
          else if (stemOfRaw.has(word.value)) stems.add(stemOfRaw.get(word.value)!);
        }
      }
      const meaningful = [...stems].filter((s) => !QUERY_STOPWORDS.has(s));
      return meaningful.length ? meaningful : [...stems];
    },
  };
}
