export { type JsonLdEntity, type JsonLdParse, parseJsonLd } from './jsonld.ts';
export { type PageFacts, readPage } from './page.ts';
export { AI_CRAWLERS, parseRobots, type RobotsGroup, type RobotsVerdict, robotsAllows } from './robots.ts';
export { CHECKS, scorePage } from './score.ts';
export type { CheckCategory, HealthCheck, HealthReport, PageInput } from './types.ts';
