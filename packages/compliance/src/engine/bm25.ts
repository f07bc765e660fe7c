// Okapi BM25 over passages, each passage a bag of stems.

const K1 = 1.2;
const B = 0.75;

interface Posting {
  ids: number[];
  tfs: number[];
}

export interface ScoredPassage {
  id: number;
  score: number;
}

export interface Bm25Index {
  /** Passages containing at least one of the stems, best first. */
  search(stems: Iterable<string>, limit: number): ScoredPassage[];
}

export function buildBm25(documents: readonly (readonly string[])[]): Bm25Index {
  const postings = new Map<string, Posting>();
  const lengths = documents.map((d) => d.length);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, documents.length);
  documents.forEach((terms, id) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let posting = postings.get(term);
      if (!posting) {
        posting = { ids: [], tfs: [] };
        postings.set(term, posting);
      }
      posting.ids.push(id);
      posting.tfs.push(tf);
    }
  });
  const n = documents.length;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

  return {
    search(stems, limit) {
      const scores = new Map<number, number>();
      for (const term of new Set(stems)) {
        const posting = postings.get(term);
        if (!posting) continue;
        const weight = idf(posting.ids.length);
        posting.ids.forEach((id, k) => {
          const tf = posting.tfs[k];
          const norm = tf + K1 * (1 - B + (B * lengths[id]) / averageLength);
          scores.set(id, (scores.get(id) ?? 0) + (weight * tf * (K1 + 1)) / norm);
        });
      }
      return [...scores]
        .map(([id, score]) => ({ id, score }))
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(0, limit);
    },
  };
}
