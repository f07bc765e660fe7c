import type { AiClient } from '@assay/core';
import { z } from 'zod';
import { blockText } from '../crawl/readable.ts';
import { assembleMarkdown, clip, type Draft, MAX_DESCRIPTION, MAX_TITLE } from './assemble.ts';
import type { SourceContent } from './baseline.ts';

const MAX_PROMPT_CHARS = 24_000;

export const llmDraftSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(400),
  intro: z.array(z.string()).max(4),
  sections: z
    .array(
      z.object({
        heading: z.string().min(1).max(200),
        paragraphs: z.array(z.string()).max(8),
        items: z.array(z.string()).max(12),
      }),
    )
    .max(12),
  faq: z
    .array(z.object({ question: z.string().min(1).max(300), answer: z.string().min(1).max(2000) }))
    .max(12),
});

const SYSTEM = `You write factual knowledge pages that language models can read and quote.
Use only facts stated in the sources; never invent figures, prices, names or claims.
Write plain sentences without Markdown markup. Title: at most 60 characters. Description: 50 to 160 characters.
FAQ: include a question only when the sources answer it; the answer must restate what the sources say.`;

function sourcesPrompt(sources: SourceContent[]): string {
  let budget = MAX_PROMPT_CHARS;
  const parts: string[] = [];
  for (const [i, { url, content }] of sources.entries()) {
    const lines = [`SOURCE ${i + 1}: ${url}${content.title ? ` (${content.title})` : ''}`];
    for (const b of content.blocks) {
      const line =
        b.kind === 'heading'
          ? `${'#'.repeat(b.level)} ${b.text}`
          : b.kind === 'qa'
            ? `Q: ${b.question}\nA: ${b.answer}`
            : blockText(b);
      if (budget - line.length < 0) break;
      budget -= line.length;
      lines.push(line);
    }
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

export interface LlmDraftRun {
  ai: AiClient;
  orgId: string;
  jobId?: string;
  model?: string;
  signal?: AbortSignal;
}

/** The LLM draft: the model writes the outline from the sources; the Markdown and JSON-LD are ours. */
export async function draftWithLlm(
  run: LlmDraftRun,
  sources: SourceContent[],
  wanted: { title?: string; description?: string },
): Promise<Draft> {
  const { object } = await run.ai.generateObject({
    orgId: run.orgId,
    jobId: run.jobId,
    module: 'visibility',
    model: run.model,
    schema: llmDraftSchema,
    schemaName: 'knowledge_page',
    system: SYSTEM,
    prompt: `${wanted.title ? `The page title is: ${wanted.title}\n` : ''}Write a knowledge page from these sources.\n\n${sourcesPrompt(sources)}`,
    signal: run.signal,
  });
  const title = clip(wanted.title ?? object.title, MAX_TITLE);
  const description = clip(wanted.description ?? object.description, MAX_DESCRIPTION);
  const bodyMd = assembleMarkdown({
    title,
    description,
    intro: object.intro,
    sections: object.sections,
    faq: object.faq,
    sources: sources.map((s) => ({ url: s.url, title: s.content.title })),
  });
  return { title, description, bodyMd, method: 'llm' };
}
