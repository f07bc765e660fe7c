import { markdownToDocument } from '../../eval/markdown.ts';
import type { ExtractedDocument } from '../../src/document.ts';
import { assessBaseline } from '../../src/engine/baseline.ts';
import type { AssessOptions, Finding } from '../../src/engine/types.ts';
import { facet } from '../../src/frameworks/define.ts';
import type { Control, Facet, ScopeKey } from '../../src/frameworks/types.ts';

export const doc = (markdown: string): ExtractedDocument => markdownToDocument(markdown);

export function testControl(facets: Facet[], appliesWhen?: ScopeKey): Control {
  return {
    id: 'T-1',
    framework: 'test',
    title: 'Test control',
    summary: 'For tests.',
    severity: 'high',
    facets,
    appliesWhen,
  };
}

export const laptopEncryption = facet('laptops', 'encrypt laptops', 'encrypt*', 'laptop*');

/** The single finding for one control against a Markdown document. */
export function assessOne(
  markdown: string,
  control: Control = testControl([laptopEncryption]),
  options?: AssessOptions,
): Finding {
  return assessBaseline(doc(markdown), [control], options)[0];
}
