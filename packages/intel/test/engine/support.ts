import { extractIndicators } from '../../src/engine/extract.ts';
import type { ExtractOptions, Indicator, IndicatorType } from '../../src/engine/types.ts';

/** The values of one type found in `text`. */
export function valuesOf(text: string, type: IndicatorType, options?: ExtractOptions): string[] {
  return extractIndicators(text, options)
    .filter((i) => i.type === type)
    .map((i) => i.value);
}

/** The single indicator of `type` in `text`; fails when there is not exactly one. */
export function only(text: string, type: IndicatorType, options?: ExtractOptions): Indicator {
  const found = extractIndicators(text, options).filter((i) => i.type === type);
  if (found.length !== 1)
    throw new Error(
      `expected one ${type} in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((i) => i.value))}`,
    );
  return found[0];
}
