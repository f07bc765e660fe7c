export interface MetricDefinition {
  name: string;
  formula: string;
  notes: string;
}

/** How each visibility metric is computed, for the API reference and tooltips. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    name: 'mention_rate',
    formula: 'answers naming the brand / answers in the group',
    notes:
      'With a Wilson 95% score interval (ci_low, ci_high), z = 1.96. low_sample is true when the group has fewer than 30 answers (configurable); treat such rates as indicative only.',
  },
  {
    name: 'sov_mentions',
    formula: "brand's mentions / mentions of all tracked brands, over the group's answers",
    notes:
      'Share of voice by volume: an answer that names the brand five times weighs five times. Only tracked brands are in the denominator, so adding a competitor changes every share.',
  },
  {
    name: 'sov_answers',
    formula: 'answers naming the brand / answers naming at least one tracked brand',
    notes:
      'Share of voice by presence: each answer counts once per brand. Answers that name no tracked brand are left out of both sides, so shares of several brands can sum to more than 1.',
  },
  {
    name: 'position.average',
    formula: 'mean of rank over answers naming the brand',
    notes:
      "Rank is the brand's position in the answer's recommendation order: entries of numbered lists, sibling headings, table rows and bullet lists are numbered through in document order (untracked entries take positions too); brands named only in prose follow in order of first mention. Lower is better. Answers not naming the brand are excluded, so read it with mention_rate.",
  },
  {
    name: 'position.distribution',
    formula: 'count of answers naming the brand at each rank',
    notes:
      'Keys are ranks (1, 2, 3, ...). rank_method and rank_confidence on each answer tell how the rank was read.',
  },
  {
    name: 'sentiment.average',
    formula: 'mean of the per-answer sentiment score (-1..1) over answers naming the brand',
    notes:
      'Baseline method: a lexicon score of the clauses about the brand with negation ("not reliable") and intensifiers, normalised as sum / (sum of absolute values + 2). Labels: positive >= 0.15, negative <= -0.15, mixed when both kinds of words appear and |score| < 0.2, otherwise neutral. The distribution counts answers by label.',
  },
  {
    name: 'citation_rate',
    formula: "answers citing at least one URL on the brand's domains / answers in the group",
    notes:
      "Citations come from provider annotations, Markdown links and bare URLs, deduplicated per answer by normalised URL. A URL is the brand's when its host is a configured domain or a subdomain of it. With a Wilson 95% interval.",
  },
  {
    name: 'answers_with_citations',
    formula: 'answers with at least one citation / answers in the group',
    notes: 'With a Wilson 95% interval.',
  },
  {
    name: 'top_domains',
    formula: 'registrable domains (eTLD+1) ordered by number of citations, then by answers citing them',
    notes:
      "Each domain is classed owned (a domain of the owned brand), competitor (a tracked competitor's) or third_party. eTLD+1 uses a compact public suffix subset, so docs.bbc.co.uk counts as bbc.co.uk and each *.github.io site separately.",
  },
];
