import { createHash } from 'node:crypto';
import { AppError, NO_META, type Platform, SafeFetchError, SYSTEM_ACTOR, safeFetch } from '@assay/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createReport } from '../reports/service.ts';
import { intelFeedItems, intelFeeds } from '../schema.ts';
import { FeedFormatError, type FeedItem, parseFeed } from './parse.ts';

type FeedRow = typeof intelFeeds.$inferSelect;

export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;
/** Reports created per feed per pull; items beyond wait for the next pull (they stay unseen). */
export const MAX_NEW_ITEMS_PER_PULL = 50;

export interface FeedPullResult {
  feedId: string;
  name: string;
  kind: string | null;
  newItems: number;
  reportIds: string[];
  error: string | null;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

interface FeedDocument {
  items: FeedItem[];
  title: (fresh: number) => string;
}

/**
 * What becomes one report: each post of an RSS/Atom feed and each STIX report or note on its own;
 * a bundle's indicators and vulnerabilities together (one report per pull, not one per pattern).
 */
function documentsOf(feedName: string, items: FeedItem[]): FeedDocument[] {
  const loose = items.filter((i) => /^(indicator|vulnerability)--/.test(i.key));
  const docs: FeedDocument[] = items
    .filter((i) => !loose.includes(i))
    .filter((i) => i.title || i.text.trim() || i.link)
    .map((i) => ({ items: [i], title: () => i.title || feedName }));
  if (loose.length)
    docs.push({ items: loose, title: (n) => `${feedName}: ${n} STIX indicator(s) and vulnerabilities` });
  return docs;
}

/** Records the items not seen before (by key hash per feed) and returns those. */
async function remember(platform: Platform, feed: FeedRow, items: FeedItem[]) {
  if (!items.length) return [];
  const rows = await platform.db
    .insert(intelFeedItems)
    .values(
      items.map((item) => ({
        orgId: feed.orgId,
        feedId: feed.id,
        keyHash: hash(item.key),
        key: item.key.slice(0, 2000),
        title: item.title.slice(0, 500),
        link: item.link?.slice(0, 2048) ?? null,
        publishedAt: item.published,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: intelFeedItems.id, key: intelFeedItems.key });
  return rows;
}

/**
 * Fetches one feed with the SSRF-safe client and ingests the items it has not seen before as reports
 * through the reports service (same extraction, review and usage as a pasted report). An item is
 * remembered before its report is created and forgotten again if that fails, so it is neither lost
 * nor ingested twice.
 */
export async function pullFeed(
  platform: Platform,
  feed: FeedRow,
  stop: () => Promise<boolean> = async () => false,
): Promise<FeedPullResult> {
  const result: FeedPullResult = {
    feedId: feed.id,
    name: feed.name,
    kind: null,
    newItems: 0,
    reportIds: [],
    error: null,
  };
  const ctx = { db: platform.db, orgId: feed.orgId, actor: SYSTEM_ACTOR, role: null, meta: NO_META };
  try {
    const response = await safeFetch(feed.url, {
      allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_FEED_BYTES,
      headers: {
        accept:
          'application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, */*;q=0.5',
      },
    });
    if (response.status >= 400) throw new FeedFormatError(`The feed answered HTTP ${response.status}`);
    const parsed = parseFeed(response.text());
    result.kind = parsed.kind;
    for (const doc of documentsOf(feed.name, parsed.items)) {
      if (result.reportIds.length >= MAX_NEW_ITEMS_PER_PULL || (await stop())) break;
      const fresh = await remember(platform, feed, doc.items);
      if (!fresh.length) continue;
      const items = doc.items.filter((i) => fresh.some((f) => f.key === i.key.slice(0, 2000)));
      const text = items
        .map((i) => [i.title, i.text, i.link ? `Source: ${i.link}` : ''].filter(Boolean).join('\n\n'))
        .join('\n\n')
        .trim();
      try {
        const report = await createReport(ctx, platform, {
          ...(items.some((i) => i.text.trim()) || !items[0]?.link
            ? { source: 'text' as const, text: text.slice(0, 2_000_000) }
            : { source: 'url' as const, url: items[0].link }),
          title: doc.title(items.length).slice(0, 300),
          project_id: feed.projectId,
        });
        await platform.db
          .update(intelFeedItems)
          .set({ reportId: report.id })
          .where(
            inArray(
              intelFeedItems.id,
              fresh.map((f) => f.id),
            ),
          );
        result.reportIds.push(report.id);
        result.newItems += fresh.length;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result.error = error.message;
        // An item the reports service refuses (say a link to a private address) stays remembered and
        // skipped; anything else (a quota reached) stops the feed and leaves the item for next time.
        if (error.code === 'VALIDATION_ERROR') continue;
        await platform.db.delete(intelFeedItems).where(
          inArray(
            intelFeedItems.id,
            fresh.map((f) => f.id),
          ),
        );
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof SafeFetchError) && !(error instanceof FeedFormatError)) throw error;
    result.error = error.message;
  }
  await platform.db
    .update(intelFeeds)
    .set({
      kind: result.kind ?? feed.kind,
      lastFetchedAt: new Date(),
      lastStatus: result.error ? 'error' : 'ok',
      lastError: result.error,
      itemsIngested: sql`${intelFeeds.itemsIngested} + ${result.newItems}`,
      updatedAt: new Date(),
    })
    .where(and(eq(intelFeeds.orgId, feed.orgId), eq(intelFeeds.id, feed.id)));
  return result;
}

/** Pulls every enabled feed of a project, one after the other. */
export async function pullProjectFeeds(
  platform: Platform,
  orgId: string,
  projectId: string,
  stop: () => Promise<boolean> = async () => false,
) {
  const feeds = await platform.db
    .select()
    .from(intelFeeds)
    .where(
      and(eq(intelFeeds.orgId, orgId), eq(intelFeeds.projectId, projectId), eq(intelFeeds.enabled, true)),
    );
  const results: FeedPullResult[] = [];
  for (const feed of feeds) {
    if (await stop()) break;
    results.push(await pullFeed(platform, feed, stop));
  }
  return results;
}
