import { llmProse } from './llm.ts';
import { newReports, reportItems, sentencesOf } from './new-reports.ts';
import type { AgentKindRunner } from './types.ts';

const MAX_PROMPT_CHARS = 12_000;

function countsLine(items: Awaited<ReturnType<typeof reportItems>>) {
  const indicators = new Map<string, number>();
  for (const i of items)
    if (i.kind === 'indicator') indicators.set(i.type, (indicators.get(i.type) ?? 0) + 1);
  const named = (kind: string) =>
    items
      .filter((i) => i.kind === kind)
      .map((i) => `${i.name ?? i.value} (${i.value})`)
      .slice(0, 10);
  const byType = [...indicators].map(([type, n]) => `${n} ${type}`).join(', ');
  return {
    indicators: byType || 'none',
    techniques: named('technique'),
    actors: named('actor'),
  };
}

/**
 * One paragraph per report extracted since the last run. Without a model the paragraph is the
 * report's opening sentences and what the extraction found; with one, the model writes it and the
 * extraction's figures stay underneath.
 */
export const summariseNewReports: AgentKindRunner = async (run) => {
  const { job, agent } = run;
  const reports = await newReports(run, (run.config as { max_reports: number }).max_reports);
  const sections: string[] = [];
  let written = 0;
  for (const [index, report] of reports.entries()) {
    const found = countsLine(await reportItems(job.db, agent.orgId, report.id));
    const body = report.body ?? '';
    const prose = await llmProse(run, {
      system:
        'You summarise threat reports for analysts in at most 120 words: who, what, how, and what to look for. Use only the report text given.',
      prompt: `Title: ${report.title}\n\n${body.slice(0, MAX_PROMPT_CHARS)}`,
    });
    if (prose) written++;
    const lead = sentencesOf(body).slice(0, 3).join(' ');
    sections.push(
      [
        `## ${report.title}`,
        '',
        prose
          ? `${prose}\n\n_Summary written by a language model._`
          : `${lead || '(no text)'}\n\n_Opening sentences (method: baseline)._`,
        '',
        `- Indicators: ${found.indicators}`,
        `- Techniques: ${found.techniques.join(', ') || 'none'}`,
        `- Actors: ${found.actors.join(', ') || 'none'}`,
        `- Report id: ${report.id}`,
      ].join('\n'),
    );
    await job.progress(10 + Math.round(((index + 1) / Math.max(1, reports.length)) * 80));
  }
  const method = written > 0 ? 'llm' : 'baseline';
  const today = new Date().toISOString().slice(0, 10);
  const markdown = [
    `# New reports summarised (${today})`,
    '',
    reports.length ? `${reports.length} report(s) since the last run.` : 'No new reports since the last run.',
    '',
    ...sections,
  ].join('\n');
  return {
    method,
    summary: {
      kind: 'report_summaries',
      reports: reports.length,
      llm_summaries: written,
      report_ids: reports.map((r) => r.id),
    },
    artifacts: [
      {
        kind: 'report_summaries',
        title: `Summaries of ${reports.length} new report(s)`,
        filename: `report-summaries-${today}.md`,
        contentType: 'text/markdown; charset=utf-8',
        body: markdown,
      },
    ],
  };
};
