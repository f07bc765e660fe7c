import type { FacetJudgement } from './judge.ts';

/** Plain-English gaps and recommendations for the facets that are not committed to. */
export function describeGaps(judgements: readonly FacetJudgement[]): {
  gaps: string[];
  recommendations: string[];
} {
  const gaps: string[] = [];
  const recommendations: string[] = [];
  for (const { facet, state, support } of judgements) {
    const what = facet.description;
    const denial = support.find((s) => s.verdict === 'negated')?.passage.text;
    switch (state) {
      case 'covered':
      case 'excluded':
        break;
      case 'absent':
        gaps.push(`No statement that the organization will ${what}.`);
        recommendations.push(
          `Add a binding statement ("must", "will") that the organization will ${what}, saying who is responsible.`,
        );
        break;
      case 'mentioned':
        gaps.push(
          `The topic is only named (a heading, a list of policies or a reference), with no commitment to ${what}.`,
        );
        recommendations.push(
          `Replace the topic name with a binding statement that the organization will ${what}.`,
        );
        break;
      case 'weak':
        gaps.push(
          `Only non-binding wording (such as "should", "may" or "where possible") about the need to ${what}.`,
        );
        recommendations.push(`Turn the non-binding wording into a firm commitment to ${what}.`);
        break;
      case 'negated':
        gaps.push(`The document states that this is not done (${what}): "${denial}"`);
        recommendations.push(
          `Put in place a way to ${what}, or document the accepted risk and a compensating control.`,
        );
        break;
      case 'conflict':
        gaps.push(`Commitments to ${what} are contradicted elsewhere: "${denial}"`);
        recommendations.push(
          `Resolve the contradiction so that the document commits, without exceptions, to ${what}.`,
        );
        break;
    }
  }
  return { gaps, recommendations };
}
