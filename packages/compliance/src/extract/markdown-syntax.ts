// Line-level Markdown recognisers. Each works on one line with anchored patterns or plain string
// operations, so their cost is linear in the line length.

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^( {0,12})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const TASK_BOX = /^\[[ xX]\][ \t]+/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]{1,999}\]:[ \t]*\S/;
const QUOTE_MARKER = /^ {0,3}> ?/;

export function stripQuoteMarkers(line: string): string {
  let rest = line;
  // Bounded so a line of a million '>' stays linear (each pass slices one marker).
  for (let depth = 0; depth < 100 && QUOTE_MARKER.test(rest); depth++) rest = rest.replace(QUOTE_MARKER, '');
  return rest;
}

export function atxHeading(line: string): { level: number; text: string } | undefined {
  const match = ATX.exec(line);
  if (!match) return undefined;
  let text = line.slice(match[0].length).trim();
  // A closing sequence of #s is decoration only when separated from the text by a space.
  let trailing = 0;
  while (text[text.length - 1 - trailing] === '#') trailing++;
  if (trailing && (trailing === text.length || /[ \t]/.test(text[text.length - trailing - 1]))) {
    text = text.slice(0, text.length - trailing).trim();
  }
  return { level: match[1].length, text };
}

export function setextLevel(line: string): 1 | 2 | undefined {
  const match = SETEXT.exec(line);
  if (!match) return undefined;
  return match[1][0] === '=' ? 1 : 2;
}

export function isThematicBreak(line: string): boolean {
  const compact = line.replace(/[ \t]/g, '');
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact) && !/^ {4}/.test(line);
}

export function listItem(line: string): { indent: number; text: string } | undefined {
  const match = LIST_ITEM.exec(line);
  if (!match) return undefined;
  const text = line.slice(match[0].length).replace(TASK_BOX, '');
  return { indent: match[0].length, text };
}

export function isReferenceDefinition(line: string): boolean {
  return REFERENCE_DEFINITION.test(line);
}

export function isTableDelimiter(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitTableRow(line);
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

/** Splits a pipe-table row into trimmed cells, honouring `\|` escapes. */
export function splitTableRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Reads a YAML front matter block at the very start; returns the lines it spans and its `title`. */
export function frontMatter(lines: string[]): { end: number; title?: string } {
  if (lines[0]?.trim() !== '---') return { end: 0 };
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    if (lines[i].trim() !== '---' && lines[i].trim() !== '...') continue;
    const titleLine = lines.slice(1, i).find((l) => /^title:\s*\S/.test(l));
    const title = titleLine?.replace(/^title:\s*/, '').replace(/^(["'])(.*)\1$/, '$2');
    return { end: i + 1, title };
  }
  return { end: 0 };
}
