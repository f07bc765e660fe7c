import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FeedKind = 'rss' | 'atom' | 'stix';

/** One new thing a feed offers: a post to read for indicators, or a STIX object to ingest as text. */
export interface FeedItem {
  /** Stable per feed: the guid, Atom id, STIX id, or the link. */
  key: string;
  title: string;
  link: string | null;
  published: Date | null;
  /** Plain text worth extracting from (summary or content, markup removed). */
  text: string;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string;
  items: FeedItem[];
}

export class FeedFormatError extends Error {}

/** A feed is attacker-reachable input: entity expansion off, sizes bounded by the fetch before it. */
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const MAX_ITEMS = 500;

const textOf = (value: unknown): string => {
  if (value == null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    return textOf(
      node['#text'] ??
        Object.entries(node)
          .filter(([k]) => !k.startsWith('@'))
          .map(([, v]) => v),
    );
  }
  return '';
};

/** Markup in summaries goes; block ends become spaces so words do not run together. */
export const stripMarkup = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const dateOf = (value: unknown): Date | null => {
  const text = textOf(value);
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

function rssItems(channel: Record<string, unknown>): FeedItem[] {
  return ((channel.item as Record<string, unknown>[] | undefined) ?? []).map((item) => {
    const link = textOf((item.link as unknown[] | undefined)?.[0]) || null;
    const title = stripMarkup(textOf(item.title));
    return {
      key: textOf(item.guid) || link || title,
      title,
      link,
      published: dateOf(item.pubDate ?? item['dc:date']),
      text: stripMarkup(textOf(item['content:encoded'] ?? item.description)),
    };
  });
}

function atomLink(links: unknown): string | null {
  const list = (links as Record<string, unknown>[] | undefined) ?? [];
  const preferred = list.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? list[0];
  return (preferred?.['@href'] as string | undefined) ?? null;
}

function atomItems(feed: Record<string, unknown>): FeedItem[] {
  return ((feed.entry as Record<string, unknown>[] | undefined) ?? []).map((entry) => {
    const link = atomLink(entry.link);
    const title = stripMarkup(textOf(entry.title));
    return {
      key: textOf(entry.id) || link || title,
      title,
      link,
      published: dateOf(entry.published ?? entry.updated),
      text: stripMarkup(textOf(entry.content ?? entry.summary)),
    };
  });
}

/**
 * STIX bundles: reports and notes carry prose; indicators carry their pattern, whose quoted values the
 * extractor reads like any other text, so one pipeline serves both kinds of feed.
 */
function stixItems(bundle: Record<string, unknown>): FeedItem[] {
  const objects = (bundle.objects as Record<string, unknown>[] | undefined) ?? [];
  const items: FeedItem[] = [];
  for (const object of objects) {
    const type = object.type;
    if (type !== 'report' && type !== 'indicator' && type !== 'note' && type !== 'vulnerability') continue;
    const parts = [object.name, object.description, object.abstract, object.content, object.pattern]
      .filter((p): p is string => typeof p === 'string')
      .join('\n');
    items.push({
      key: String(object.id),
      title: typeof object.name === 'string' ? object.name : String(object.id),
      link: null,
      published: dateOf(object.published ?? object.created),
      text: parts,
    });
  }
  return items;
}

/** Reads RSS 2.0, Atom 1.0 or a STIX 2.x bundle, whichever the body is. */
export function parseFeed(body: string): ParsedFeed {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    let bundle: Record<string, unknown>;
    try {
      bundle = JSON.parse(trimmed);
    } catch {
      throw new FeedFormatError('The feed is not valid JSON');
    }
    if (bundle.type !== 'bundle' || !Array.isArray(bundle.objects))
      throw new FeedFormatError('A JSON feed must be a STIX bundle ({"type": "bundle", "objects": [...]})');
    return {
      kind: 'stix',
      title: String(bundle.id ?? 'STIX bundle'),
      items: stixItems(bundle).slice(0, MAX_ITEMS),
    };
  }
  if (/<!ENTITY/i.test(trimmed.slice(0, 4096)))
    throw new FeedFormatError('Feeds declaring XML entities are refused');
  // The parser is lenient (unclosed tags parse); a feed that is not well-formed is refused with where it breaks.
  const wellFormed = XMLValidator.validate(trimmed);
  if (wellFormed !== true)
    throw new FeedFormatError(
      `The feed is not well-formed XML (line ${wellFormed.err.line}: ${wellFormed.err.msg})`,
    );
  let document: Record<string, unknown>;
  try {
    document = xml.parse(trimmed) as Record<string, unknown>;
  } catch {
    throw new FeedFormatError('The feed is not well-formed XML');
  }
  const rss = document.rss as Record<string, unknown> | undefined;
  if (rss?.channel) {
    const channel = rss.channel as Record<string, unknown>;
    return {
      kind: 'rss',
      title: stripMarkup(textOf(channel.title)),
      items: rssItems(channel).slice(0, MAX_ITEMS),
    };
  }
  const feed = document.feed as Record<string, unknown> | undefined;
  if (feed)
    return {
      kind: 'atom',
      title: stripMarkup(textOf(feed.title)),
      items: atomItems(feed).slice(0, MAX_ITEMS),
    };
  throw new FeedFormatError('Expected an RSS 2.0 or Atom feed, or a STIX bundle');
}
