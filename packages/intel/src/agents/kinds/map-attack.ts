import { AiError } from '@assay/core';
import { z } from 'zod';
import { loadAttackCatalog } from '../../attack-import/catalog.ts';
import { newReports, reportItems, sentencesOf } from './new-reports.ts';
import type { AgentKindRunner, AgentRunContext } from './types.ts';

const MAX_SENTENCES = 200;
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

interface Mapping {
  technique_id: string;
  name: string | null;
  sentence: string;
  source: 'extraction' | 'llm';
  rationale: string | null;
}

const llmAnswer = z.object({
  mappings: z
    .array(z.object({ technique_id: z.string(), sentence: z.number().int(), rationale: z.string().max(400) }))
    .max(100),
});

/** Asks the model for techniques the names missed; each claim must cite a numbered sentence and a known ID. */
async function askModel(run: AgentRunContext, title: string, sentences: string[]) {
  if (!run.llm) return null;
  const numbered = sentences.slice(0, MAX_SENTENCES).map((s, i) => `[${i + 1}] ${s}`);
  try {
    const result = await run.llm.ai.generateObject({
      orgId: run.agent.orgId,
      jobId: run.job.jobId,
      module: 'intel',
      model: run.llm.model,
      schema: llmAnswer,
      schemaName: 'attack_mappings',
      system:
        'Map behaviour described in a threat report to MITRE ATT&CK technique IDs (T1234 or T1234.001). For each, give the number of the sentence that shows it. Only behaviour the sentence states.',
      prompt: `Report: ${title}\n\nSentences:\n${numbered.join('\n')}`,
      signal: run.job.signal,
    });
    return result.object.mappings;
  } catch (error) {
    if (error instanceof AiError) return null;
    throw error;
  }
}

/**
 * ATT&CK mapping of the reports extracted since the last run: the techniques the extraction found by
 * name or ID, plus (with a model) behaviour it maps. A model claim is kept only when its technique ID
 * exists (in the imported catalogue, or by shape without one) and it cites a sentence of the report.
 */
export const mapToAttack: AgentKindRunner = async (run) => {
  const { job, agent } = run;
  const reports = await newReports(run, (run.config as { max_reports: number }).max_reports);
  const catalog = await loadAttackCatalog(job.db);
  const names = new Map(catalog?.techniques.map((t) => [t.id, t.name]) ?? []);
  const known = (id: string) => (catalog ? names.has(id) : TECHNIQUE_ID.test(id));
  let modelUsed = false;
  let refused = 0;
  const results = [];
  for (const [index, report] of reports.entries()) {
    const items = (await reportItems(job.db, agent.orgId, report.id)).filter((i) => i.kind === 'technique');
    const mappings: Mapping[] = items.map((i) => ({
      technique_id: i.value,
      name: i.name,
      sentence: i.sentence,
      source: 'extraction',
      rationale: null,
    }));
    const sentences = sentencesOf(report.body ?? '');
    const claims = await askModel(run, report.title, sentences);
    if (claims) {
      modelUsed = true;
      for (const claim of claims) {
        const id = claim.technique_id.trim().toUpperCase();
        const sentence = sentences[claim.sentence - 1];
        if (!known(id) || !sentence || claim.sentence > MAX_SENTENCES) {
          refused++;
          continue;
        }
        if (mappings.some((m) => m.technique_id === id)) continue;
        mappings.push({
          technique_id: id,
          name: names.get(id) ?? null,
          sentence,
          source: 'llm',
          rationale: claim.rationale,
        });
      }
    }
    results.push({ report_id: report.id, title: report.title, mappings });
    await job.progress(10 + Math.round(((index + 1) / Math.max(1, reports.length)) * 80));
  }
  const method = modelUsed ? 'llm' : 'baseline';
  const today = new Date().toISOString().slice(0, 10);
  const markdown = [
    `# ATT&CK mapping (${today})`,
    '',
    `${reports.length} report(s); method: ${method}${modelUsed ? ` (${refused} model claim(s) refused: unknown ID or no cited sentence)` : ''}.`,
    ...results.flatMap((r) => [
      '',
      `## ${r.title}`,
      ...(r.mappings.length
        ? r.mappings.map(
            (m) =>
              `- ${m.technique_id}${m.name ? ` ${m.name}` : ''} [${m.source}]: "${m.sentence.slice(0, 300)}"`,
          )
        : ['- no technique found']),
    ]),
  ].join('\n');
  return {
    method,
    summary: {
      kind: 'attack_mapping',
      reports: reports.length,
      mappings: results.reduce((n, r) => n + r.mappings.length, 0),
      from_model: results.reduce((n, r) => n + r.mappings.filter((m) => m.source === 'llm').length, 0),
      refused_model_claims: refused,
    },
    artifacts: [
      {
        kind: 'attack_mapping',
        title: `ATT&CK mapping of ${reports.length} report(s)`,
        filename: `attack-mapping-${today}.md`,
        contentType: 'text/markdown; charset=utf-8',
        body: markdown,
      },
      {
        kind: 'attack_mapping_data',
        title: `ATT&CK mapping data (${today})`,
        filename: `attack-mapping-${today}.json`,
        contentType: 'application/json',
        body: JSON.stringify({ method, reports: results }, null, 2),
      },
    ],
  };
};
