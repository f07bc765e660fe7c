// robots.txt as specified by RFC 9309: groups of user-agent lines with allow/disallow rules; a
// crawler obeys the groups naming its product token, or else the `*` groups; the longest matching
// rule decides and allow wins a tie; `*` matches any characters and a trailing `$` anchors the end.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
}

/** AI crawlers (and Google's AI-training token) whose access matters for LLM visibility. */
export const AI_CRAWLERS = ['GPTBot', 'ClaudeBot', 'PerplexityBot', 'Google-Extended', 'CCBot'] as const;

export function parseRobots(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1].toLowerCase();
    const value = match[2].trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === 'allow' || key === 'disallow') && current) {
      lastWasAgent = false;
      // An empty Disallow allows everything, which is the same as having no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key !== 'sitemap') lastWasAgent = false;
  }
  return groups;
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path);
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The user-agent the decision came from: the crawler's own token, `*`, or null (no group). */
  group: string | null;
  rule: RobotsRule | null;
}

/** Whether `agent` may fetch `path` (path plus query, e.g. `/pricing?x=1`). */
export function robotsAllows(groups: RobotsGroup[], agent: string, path: string): RobotsVerdict {
  const token = agent.toLowerCase();
  let applicable = groups.filter((g) => g.agents.includes(token));
  let group: string | null = agent;
  if (applicable.length === 0) {
    applicable = groups.filter((g) => g.agents.includes('*'));
    group = applicable.length ? '*' : null;
  }
  let best: RobotsRule | null = null;
  for (const rule of applicable.flatMap((g) => g.rules)) {
    if (!patternMatches(rule.pattern, path)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  return { allowed: best ? best.allow : true, group, rule: best };
}
