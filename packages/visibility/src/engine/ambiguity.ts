import type { Candidate } from './matcher.ts';
import type { Line } from './structure.ts';

// Rules for brands whose names are ordinary words (Notion, Apple, Square, Slack, Monday). The
// matcher already demanded capitalisation; what is left is a capital that says nothing, at the
// start of a sentence or in a Title Case heading, and day names, which are always capitalised.

const DECORATION_BEFORE = /[\s*_[`>"“'(#~]|\p{Extended_Pictographic}|\uFE0F/u;
const LIST_MARKER_ONLY = /^\s*(?:[-*+•]|\d{1,3}[.)]|\*\*\d{1,3}[.)]\*\*)?\s*$/;
const TEMPORAL_BEFORE =
  /\b(?:on|by|until|till|since|every|next|last|this|each|from|before|after|through|of|early|late)\s+$/i;
const TEMPORAL_AFTER = /^(?:'s)?\s*(?:morning|afternoon|evening|night|mornings|nights|,?\s*\d)/i;
/** What follows a name used as a label: "Notion:", "Notion –", "**Notion**", "Notion (…)". */
const LABEL_AFTER = /^(?:'s)?(?:\*\*|__|`|\])?\s*(?:$|\n|[:–—(|]|-\s)/;
/** A name used as the subject of a sentence: "Notion is…", "Slack and Teams…", "Notion, …". */
const SUBJECT_AFTER =
  /^(?:'s)?(?:\s*[,;]|\s+(?:vs\.?|versus|is|are|was|has|have|had|offers|provides|lets|allows|can|could|may|might|will|would|also|and|or|remains|stands|excels|shines|supports|integrates|works|focuses|costs|starts|gives|includes|comes|uses|makes|wins|leads|tends|does|doesn't|isn't)\b)/;
/** A phrase whose first word is the common word ("Notion of time", "Square meter"). */
const WORD_PHRASE_AFTER =
  /^\s+(?:of|pie|juice|tree|trees|meter|meters|metre|metres|feet|foot|mile|miles|root|roots)\b/i;

export interface AmbiguityContext {
  text: string;
  lineAt(offset: number): Line | undefined;
}

function lineStartOf(ctx: AmbiguityContext, offset: number): number {
  return ctx.lineAt(offset)?.start ?? 0;
}

/** The word starts a sentence, a list item, a table cell or a line, where English capitalises anyway. */
export function atSentenceStart(ctx: AmbiguityContext, offset: number): boolean {
  const { text } = ctx;
  const lineStart = lineStartOf(ctx, offset);
  let i = offset - 1;
  while (i >= lineStart && DECORATION_BEFORE.test(text[i])) i--;
  if (i < lineStart) return true;
  if ('.!?:|'.includes(text[i])) return true;
  return LIST_MARKER_ONLY.test(text.slice(lineStart, i + 1));
}

/** Headings In Title Case capitalise every word, so a capital there is no evidence either. */
function inTitleCaseHeading(ctx: AmbiguityContext, offset: number): boolean {
  const line = ctx.lineAt(offset);
  if (line?.kind !== 'heading') return false;
  const words = ctx.text.slice(line.start, line.end).match(/\p{L}{4,}/gu) ?? [];
  const capitalised = words.filter((w) => w[0] === w[0].toUpperCase()).length;
  return words.length >= 2 && capitalised / words.length >= 0.75;
}

function after(ctx: AmbiguityContext, c: Candidate): string {
  return ctx.text.slice(c.span[1], c.span[1] + 40);
}

/** The mention is confident without help from the rest of the answer. */
export function standsAlone(ctx: AmbiguityContext, c: Candidate): boolean {
  if (c.form.caseRule !== 'ambiguous' && !c.form.temporal) return true;
  if (WORD_PHRASE_AFTER.test(after(ctx, c).slice(c.suffix.length))) return false;
  if (c.form.temporal) return false;
  if (inTitleCaseHeading(ctx, c.span[0])) return false;
  // "Keeper Security": a capital on a later word is evidence even where the first one is not.
  if (/\s\p{Lu}/u.test(c.form.form)) return true;
  return !atSentenceStart(ctx, c.span[0]);
}

/**
 * Decides an ambiguous mention that does not stand alone: it counts when used as a label
 * ("**Notion** – all-in-one workspace"), when the answer names the brand unambiguously elsewhere,
 * or when it is a sentence's subject in an answer that names other tracked brands.
 */
export function acceptInContext(
  ctx: AmbiguityContext,
  c: Candidate,
  brandConfirmed: boolean,
  otherBrandsNamed: boolean,
): boolean {
  const rest = after(ctx, c);
  if (WORD_PHRASE_AFTER.test(rest.slice(c.suffix.length))) return false;
  if (c.form.temporal) {
    // "Monday is a good time…": at a sentence start only a label ("**Monday**:") says brand.
    if (atSentenceStart(ctx, c.span[0])) return LABEL_AFTER.test(rest);
    const before = ctx.text.slice(Math.max(0, c.span[0] - 12), c.span[0]);
    if (TEMPORAL_BEFORE.test(before) || TEMPORAL_AFTER.test(rest)) return false;
  }
  if (brandConfirmed || LABEL_AFTER.test(rest)) return true;
  // In an answer comparing other tracked brands, a capitalised subject or possessive
  // ("Notion's databases") is most likely the brand too.
  const possessive = /^'s?$/.test(c.suffix.replace('’', "'"));
  return !c.form.temporal && otherBrandsNamed && (possessive || SUBJECT_AFTER.test(rest));
}
