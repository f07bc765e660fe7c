import { type Db, jobs } from '@assay/db';
import { eq } from 'drizzle-orm';
import { pullProjectFeeds } from '../../feeds/pull.ts';
import { summarizeTrends } from '../../feeds/trends.ts';
import { llmProse } from './llm.ts';
import { stillProcessing, trendInput } from './trend-data.ts';
import type { AgentKindRunner } from './types.ts';

/** How long a run waits for the reports its feeds brought to be extracted before reporting without them. */
export const EXTRACTION_WAIT_MS = 3 * 60_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function jobStatus(db: Db, jobId: string) {
  const [row] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  return row?.status;
}

/**
 * Trend monitoring: pull the project's feeds (new items become reports), wait for their extraction,
 * then compare the period with the one before it. The figures are always computed (no LLM); with a
 * model the report also opens with a short analyst briefing written from those figures.
 */
export const weeklyTrendReport: AgentKindRunner = async (run) => {
  const { platform, job, agent } = run;
  const config = run.config as { period_days: number; pull_feeds: boolean };
  // A cancelled job learns of it at its next heartbeat; the jobs row says so at once, before each report.
  const stop = async () => job.signal.aborted || (await jobStatus(job.db, job.jobId)) !== 'running';
  const feeds = config.pull_feeds ? await pullProjectFeeds(platform, agent.orgId, agent.projectId, stop) : [];
  await job.progress(30);
  const reportIds = feeds.flatMap((f) => f.reportIds);
  const deadline = Date.now() + EXTRACTION_WAIT_MS;
  let pending = await stillProcessing(job.db, agent.orgId, reportIds);
  while (pending > 0 && Date.now() < deadline && !(await stop())) {
    await new Promise((r) => setTimeout(r, 500));
    pending = await stillProcessing(job.db, agent.orgId, reportIds);
  }
  await job.progress(60);

  const periodEnd = new Date();
  const periodStart = new Date(periodEnd.getTime() - config.period_days * 86_400_000);
  const trends = summarizeTrends(await trendInput(job.db, agent, periodStart, periodEnd));
  const feedLines = feeds.map(
    (f) => `- ${f.name}: ${f.newItems} new item(s)${f.error ? ` — error: ${f.error}` : ''}`,
  );
  const briefing = await llmProse(run, {
    system:
      'You are a threat intelligence analyst. Write a short briefing (at most 150 words) from the figures given. Use only those figures; do not invent actors, techniques or numbers.',
    prompt: trends.markdown,
    maxOutputTokens: 400,
  });
  await job.progress(85);
  const method = briefing ? 'llm' : 'baseline';
  const markdown = [
    trends.markdown,
    '',
    briefing
      ? `## Analyst briefing (written by a language model from the figures above)\n\n${briefing}`
      : '## Analyst briefing\n\nComputed without a language model (method: baseline): the figures above are the report.',
    ...(feeds.length ? ['', '## Feeds pulled', ...feedLines] : []),
    ...(pending
      ? ['', `${pending} report(s) from the feeds were still being extracted and are not counted yet.`]
      : []),
  ].join('\n');
  const summary = {
    kind: 'trend_report',
    reports: trends.reports,
    new_indicators: trends.newIndicators.total,
    new_indicators_by_type: Object.fromEntries(trends.newIndicators.byType.map((e) => [e.key, e.count])),
    rising_techniques: trends.risingTechniques.map((t) => t.key),
    rising_actors: trends.risingActors.map((t) => t.key),
    feeds_pulled: feeds.length,
    feed_items_ingested: reportIds.length,
    feed_errors: feeds.filter((f) => f.error).length,
    reports_pending: pending,
  };
  const name = `trend-report-${day(periodEnd)}`;
  return {
    method,
    summary,
    periodStart,
    periodEnd,
    artifacts: [
      {
        kind: 'trend_report',
        title: `Threat trends ${day(periodStart)} to ${day(periodEnd)}`,
        filename: `${name}.md`,
        contentType: 'text/markdown; charset=utf-8',
        body: markdown,
      },
      {
        kind: 'trend_data',
        title: `Trend figures ${day(periodStart)} to ${day(periodEnd)}`,
        filename: `${name}.json`,
        contentType: 'application/json',
        body: JSON.stringify({ method, ...trends, briefing, feeds }, null, 2),
      },
    ],
  };
};
