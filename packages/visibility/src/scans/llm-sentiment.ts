import type { AiClient } from '@assay/core';
import { z } from 'zod';
import {
  type BrandSentiment,
  baselineSentiment,
  type SentimentRequest,
  type SentimentScorer,
} from '../engine/index.ts';

const MAX_PASSAGES = 8;
const judged = z.object({
  brands: z.array(
    z.object({
      brand_id: z.string(),
      score: z.number().min(-1).max(1),
      label: z.enum(['positive', 'neutral', 'negative', 'mixed']),
    }),
  ),
});

function promptFor(answer: string, requests: SentimentRequest[]) {
  const lines = requests.map((r) => {
    const quotes = r.passages
      .slice(0, MAX_PASSAGES)
      .map((p) => `    > ${answer.slice(p.sentence[0], p.sentence[1]).replace(/\s+/g, ' ').trim()}`);
    return [`- brand_id=${r.brand_id} name=${JSON.stringify(r.brand_name)}`, ...quotes].join('\n');
  });
  return [
    'Rate how the answer below speaks of each brand, from what the quoted sentences say about it.',
    'score: -1 (clearly negative) .. 1 (clearly positive); label: positive, neutral, negative, or mixed',
    '(both praise and criticism). A brand only listed without judgement is neutral.',
    '',
    'Brands and the sentences about them:',
    ...lines,
    '',
    'Whole answer:',
    answer.slice(0, 12_000),
  ].join('\n');
}

/**
 * Sentiment per brand from an LLM (one call per answer), each result labelled `method: "llm"`. A brand
 * the model leaves out, or an answer whose call fails, gets the lexicon baseline, labelled `baseline`.
 */
export function llmSentimentScorer(
  ai: AiClient,
  call: { orgId: string; jobId?: string; model?: string; signal?: AbortSignal },
): SentimentScorer {
  return {
    method: 'llm',
    async score(answer, requests) {
      const baseline = requests.map((r) => baselineSentiment(answer, r.passages));
      if (requests.length === 0) return baseline;
      let result: z.infer<typeof judged>;
      try {
        ({ object: result } = await ai.generateObject({
          ...call,
          module: 'visibility',
          prompt: promptFor(answer, requests),
          schema: judged,
          schemaName: 'brand_sentiment',
          temperature: 0,
        }));
      } catch {
        return baseline;
      }
      const byId = new Map(result.brands.map((b) => [b.brand_id, b]));
      return requests.map((r, i): BrandSentiment => {
        const got = byId.get(r.brand_id);
        if (!got) return baseline[i];
        return {
          ...baseline[i],
          score: Math.round(got.score * 1000) / 1000,
          label: got.label,
          method: 'llm',
        };
      });
    },
  };
}
