import type { Refanged } from './refang.ts';
import type { IndicatorType } from './types.ts';

export interface Candidate {
  type: IndicatorType;
  value: string;
  /** Range in the original text. */
  start: number;
  end: number;
  defanged: boolean;
  warnings: string[];
}

/**
 * Gathers indicators from the scanners in priority order: an original-text character taken by one
 * indicator (say a URL) cannot be part of a later one (the URL's host as a domain).
 */
export class Collector {
  readonly refanged: Refanged;
  readonly found: Candidate[] = [];
  private readonly taken: Uint8Array;

  constructor(refanged: Refanged) {
    this.refanged = refanged;
    this.taken = new Uint8Array(refanged.original.length + 1);
  }

  /** Whether any character of original range [start, end) is taken. */
  takenOriginal(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  /** The same for a range of the refanged text. */
  takenRefanged(start: number, end: number): boolean {
    const o = this.refanged.toOriginal(start, end);
    return this.takenOriginal(o.start, o.end);
  }

  /** Adds an indicator found at refanged range [start, end); false if it overlaps a taken one. */
  add(type: IndicatorType, value: string, start: number, end: number, warnings: string[] = []): boolean {
    const o = this.refanged.toOriginal(start, end);
    return this.addOriginal(type, value, o.start, o.end, this.refanged.defanged(start, end), warnings);
  }

  /** Adds an indicator found directly in the original text. */
  addOriginal(
    type: IndicatorType,
    value: string,
    start: number,
    end: number,
    defanged: boolean,
    warnings: string[] = [],
  ): boolean {
    if (end <= start || this.takenOriginal(start, end)) return false;
    this.taken.fill(1, start, end);
    this.found.push({ type, value, start, end, defanged, warnings });
    return true;
  }
}
