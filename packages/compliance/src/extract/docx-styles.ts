import { parseWordXml } from './docx-xml.ts';

/** What a paragraph style means for extraction, after following its `basedOn` chain. */
export interface ParagraphStyle {
  headingLevel?: number;
  isTitle: boolean;
  isList: boolean;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numbered: boolean;
}

const HEADING_NAME = /^heading\s*(\d)$/i;
const MAX_INHERITANCE = 10;

function parseRawStyles(xml: string): Map<string, RawStyle> {
  const styles = new Map<string, RawStyle>();
  let current: RawStyle | undefined;
  let inParagraphProps = false;
  parseWordXml(xml, {
    open(name, isWord, attr) {
      if (!isWord) return;
      if (name === 'style') {
        current = undefined;
        const id = attr('styleId');
        if (id && (attr('type') ?? 'paragraph') === 'paragraph') {
          current = { name: '', numbered: false };
          styles.set(id, current);
        }
      } else if (!current) return;
      else if (name === 'name') current.name = attr('val') ?? '';
      else if (name === 'basedOn') current.basedOn = attr('val');
      else if (name === 'pPr') inParagraphProps = true;
      else if (name === 'outlineLvl' && inParagraphProps) current.outlineLevel = Number(attr('val'));
      else if (name === 'numPr' && inParagraphProps) current.numbered = true;
    },
    close(name, isWord) {
      if (isWord && name === 'pPr') inParagraphProps = false;
      if (isWord && name === 'style') current = undefined;
    },
    text() {},
  });
  return styles;
}

/** Heading level 1-9 from a style name like "heading 2" or an outline level 0-8. */
export function headingLevelOf(
  name: string | undefined,
  outlineLevel: number | undefined,
): number | undefined {
  const match = name ? HEADING_NAME.exec(name.trim()) : null;
  if (match) return Number(match[1]);
  if (
    outlineLevel !== undefined &&
    Number.isInteger(outlineLevel) &&
    outlineLevel >= 0 &&
    outlineLevel <= 8
  ) {
    return outlineLevel + 1;
  }
  return undefined;
}

function resolve(id: string, raw: Map<string, RawStyle>): ParagraphStyle {
  let headingLevel: number | undefined;
  let isTitle = false;
  let isList = false;
  let style = raw.get(id);
  for (let depth = 0; style && depth < MAX_INHERITANCE; depth++) {
    headingLevel ??= headingLevelOf(style.name, style.outlineLevel);
    isTitle ||= /^(title)$/i.test(style.name.trim());
    isList ||= style.numbered || /^list( paragraph| bullet| number)/i.test(style.name.trim());
    style = style.basedOn ? raw.get(style.basedOn) : undefined;
  }
  return { headingLevel, isTitle, isList: isList && headingLevel === undefined };
}

/** Maps style ids to their meaning; without a styles part, falls back to Word's English style ids. */
export function parseStyles(xml: string | undefined): (styleId: string | undefined) => ParagraphStyle {
  const raw = xml ? parseRawStyles(xml) : new Map<string, RawStyle>();
  const cache = new Map<string, ParagraphStyle>();
  return (styleId) => {
    if (!styleId) return { isTitle: false, isList: false };
    let style = cache.get(styleId);
    if (!style) {
      style = raw.has(styleId)
        ? resolve(styleId, raw)
        : {
            headingLevel: headingLevelOf(styleId.replace(/^heading/i, 'heading '), undefined),
            isTitle: /^title$/i.test(styleId),
            isList: /^list/i.test(styleId),
          };
      cache.set(styleId, style);
    }
    return style;
  };
}
