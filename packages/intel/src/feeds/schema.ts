import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** An RSS/Atom feed or STIX bundle URL a project monitors; pulled by its trend agent's schedule. */
export const intelFeeds = pgTable(
  'intel_feeds',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** What the last fetch found: rss, atom or stix. */
    kind: text('kind'),
    lastFetchedAt: tstz('last_fetched_at'),
    lastStatus: text('last_status'),
    lastError: text('last_error'),
    itemsIngested: integer('items_ingested').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_feeds_org_id_idx').on(t.orgId),
    index('intel_feeds_created_at_idx').on(t.createdAt),
    uniqueIndex('intel_feeds_project_url_key').on(t.orgId, t.projectId, t.url),
  ],
);

/** An item a feed offered and we ingested: remembered by its key so it is ingested once. */
export const intelFeedItems = pgTable(
  'intel_feed_items',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    feedId: uuid('feed_id')
      .notNull()
      .references(() => intelFeeds.id, { onDelete: 'cascade' }),
    /** SHA-256 of the item's key (guid, Atom id, STIX id or link), which can be long. */
    keyHash: text('key_hash').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    publishedAt: tstz('published_at'),
    reportId: uuid('report_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_feed_items_org_id_idx').on(t.orgId),
    index('intel_feed_items_created_at_idx').on(t.createdAt),
    uniqueIndex('intel_feed_items_feed_key').on(t.feedId, t.keyHash),
  ],
);
