import { registrableDomain } from '../engine/domains.ts';
import { AI_CRAWLERS, parseRobots, robotsAllows } from './robots.ts';
import type { CheckDefinition, PageContext } from './types.ts';

const NOINDEX = /(?:^|[\s,;:])(?:noindex|none)(?:$|[\s,;])/i;

/** Robots directives from meta tags and X-Robots-Tag, with the agent each applies to. */
function robotsDirectives(ctx: PageContext): { source: string; agent: string; value: string }[] {
  const out: { source: string; agent: string; value: string }[] = [];
  for (const meta of ctx.page.metas) {
    const name = (meta.name ?? '').toLowerCase().trim();
    if (name === 'robots' || name.endsWith('bot') || name === 'google-extended')
      out.push({ source: 'meta', agent: name === 'robots' ? '*' : name, value: meta.content ?? '' });
  }
  const header = ctx.header('x-robots-tag');
  for (const part of header ? header.split(/\n/) : []) {
    // "googlebot: noindex" applies to one crawler; a bare "noindex" to all.
    const scoped = /^\s*([a-z][\w-]*)\s*:\s*(.*)$/i.exec(part);
    const scopedToAgent =
      scoped && !/^(?:noindex|nofollow|none|all|max-|noarchive|nosnippet|unavailable_after)/i.test(scoped[1]);
    out.push({
      source: 'x-robots-tag',
      agent: scopedToAgent ? scoped[1].toLowerCase() : '*',
      value: scopedToAgent ? scoped[2] : part,
    });
  }
  return out;
}

export const crawlChecks: CheckDefinition[] = [
  {
    id: 'status_ok',
    category: 'crawlability',
    weight: 10,
    run: ({ input }) => ({
      passed: input.status === 200,
      message:
        input.status === 200 ? 'The page answers 200 OK.' : `The page answers HTTP ${input.status}, not 200.`,
      details: { status: input.status },
    }),
  },
  {
    id: 'indexable',
    category: 'crawlability',
    weight: 10,
    run: (ctx) => {
      const blocking = robotsDirectives(ctx).filter((d) => NOINDEX.test(d.value));
      return {
        passed: blocking.length === 0,
        message: blocking.length
          ? `noindex is set (${blocking.map((b) => `${b.source} for ${b.agent}`).join(', ')}).`
          : 'No noindex directive in meta robots or X-Robots-Tag.',
        details: { noindex: blocking },
      };
    },
  },
  {
    id: 'robots_ai_crawlers',
    category: 'crawlability',
    weight: 8,
    run: (ctx) => {
      const path = ctx.url ? ctx.url.pathname + ctx.url.search : '/';
      const groups = parseRobots(ctx.input.robotsTxt ?? '');
      const verdicts = AI_CRAWLERS.map((agent) => ({ agent, ...robotsAllows(groups, agent, path) }));
      const blocked = verdicts.filter((v) => !v.allowed).map((v) => v.agent);
      return {
        passed: blocked.length === 0,
        message: blocked.length
          ? `robots.txt blocks ${blocked.join(', ')} from ${path}.`
          : `robots.txt lets ${AI_CRAWLERS.join(', ')} fetch ${path}.`,
        details: { robots_txt: ctx.input.robotsTxt ? 'present' : 'absent', path, crawlers: verdicts },
      };
    },
  },
  {
    id: 'canonical',
    category: 'crawlability',
    weight: 5,
    run: (ctx) => {
      const hrefs = ctx.page.links
        .filter((l) => (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'))
        .map((l) => l.href ?? '');
      if (hrefs.length === 0) return { passed: false, message: 'No <link rel="canonical">.', details: {} };
      if (new Set(hrefs).size > 1)
        return {
          passed: false,
          message: 'Several different canonical URLs.',
          details: { canonicals: hrefs },
        };
      let canonical: URL;
      try {
        canonical = new URL(hrefs[0], ctx.url ?? undefined);
      } catch {
        return {
          passed: false,
          message: `The canonical URL "${hrefs[0]}" does not parse.`,
          details: { canonical: hrefs[0] },
        };
      }
      const problems: string[] = [];
      if (!/^https?:$/.test(canonical.protocol)) problems.push('not http(s)');
      if (canonical.hash) problems.push('has a fragment');
      if (ctx.url && registrableDomain(canonical.hostname) !== registrableDomain(ctx.url.hostname))
        problems.push('points to another site');
      const self =
        ctx.url !== null &&
        canonical.href.replace(/\/$/, '') === ctx.url.href.replace(/#.*$/, '').replace(/\/$/, '');
      return {
        passed: problems.length === 0,
        message: problems.length
          ? `The canonical URL ${canonical.href} ${problems.join(', ')}.`
          : self
            ? 'The canonical URL points to this page.'
            : `The canonical URL points to ${canonical.href} (same site), so this page is treated as a duplicate of it.`,
        details: { canonical: canonical.href, self_referencing: self, problems },
      };
    },
  },
];
