import type { Framework } from './types.ts';

/** Problems that would make a framework unusable by the engines; empty when the framework is sound. */
export function frameworkProblems(framework: Framework): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!framework.id) problems.push('framework has no id');
  if (framework.controls.length === 0) problems.push(`${framework.id}: no controls`);
  for (const control of framework.controls) {
    const where = `${framework.id} ${control.id}`;
    if (seen.has(control.id)) problems.push(`${where}: duplicate control id`);
    seen.add(control.id);
    if (control.framework !== framework.id) problems.push(`${where}: belongs to ${control.framework}`);
    if (!control.title.trim()) problems.push(`${where}: empty title`);
    if (!control.summary.trim()) problems.push(`${where}: empty summary`);
    if (control.facets.length === 0) problems.push(`${where}: no facets`);
    const keys = new Set<string>();
    for (const facet of control.facets) {
      if (keys.has(facet.key)) problems.push(`${where}: duplicate facet ${facet.key}`);
      keys.add(facet.key);
      if (facet.terms.length === 0 || facet.terms.some((group) => group.length === 0))
        problems.push(`${where}: facet ${facet.key} has an empty term group`);
    }
  }
  return problems;
}
