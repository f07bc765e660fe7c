import { describe, expect, it } from 'vitest';
import { parseRobots, robotsAllows } from '../../src/health/robots.ts';

const robots = parseRobots(`
# comment
User-agent: *
Disallow: /private/
Allow: /private/public-page
Disallow: /*.pdf$

User-agent: GPTBot
User-agent: CCBot
Disallow: /

User-agent: ClaudeBot
Disallow:

User-agent: PerplexityBot
Allow: /docs
Disallow: /docs
`);

describe('robots.txt', () => {
  it('applies the group naming the crawler instead of *', () => {
    expect(robotsAllows(robots, 'GPTBot', '/blog').allowed).toBe(false);
    expect(robotsAllows(robots, 'ccbot', '/blog')).toMatchObject({ allowed: false, group: 'ccbot' });
    expect(robotsAllows(robots, 'Google-Extended', '/blog')).toMatchObject({ allowed: true, group: '*' });
  });

  it('treats an empty Disallow as allowing everything', () => {
    expect(robotsAllows(robots, 'ClaudeBot', '/private/x').allowed).toBe(true);
  });

  it('lets the longest matching rule win, and Allow win a tie', () => {
    expect(robotsAllows(robots, 'Other', '/private/x').allowed).toBe(false);
    expect(robotsAllows(robots, 'Other', '/private/public-page').allowed).toBe(true);
    expect(robotsAllows(robots, 'PerplexityBot', '/docs/a').allowed).toBe(true);
  });

  it('supports * wildcards and $ anchors', () => {
    expect(robotsAllows(robots, 'Other', '/files/report.pdf').allowed).toBe(false);
    expect(robotsAllows(robots, 'Other', '/files/report.pdf?download=1').allowed).toBe(true);
  });

  it('allows everything without a robots.txt', () => {
    expect(robotsAllows(parseRobots(''), 'GPTBot', '/')).toEqual({ allowed: true, group: null, rule: null });
  });
});
