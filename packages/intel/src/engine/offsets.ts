/**
 * Edits made while rewriting a text, kept so that any range of the rewritten text maps back to the
 * range of the source text that produced it. Edits are recorded in increasing position order.
 */
export class OffsetMap {
  private readonly outAt: number[] = [];
  private readonly outLen: number[] = [];
  private readonly srcAt: number[] = [];
  private readonly srcLen: number[] = [];

  /** `srcLength` source characters starting at `src` became `outLength` characters at `out`. */
  record(out: number, outLength: number, src: number, srcLength: number): void {
    this.outAt.push(out);
    this.outLen.push(outLength);
    this.srcAt.push(src);
    this.srcLen.push(srcLength);
  }

  get size(): number {
    return this.outAt.length;
  }

  /** Index of the last edit at or before output position `p`, or -1. */
  private lastAtOrBefore(p: number): number {
    let lo = 0;
    let hi = this.outAt.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.outAt[mid] <= p) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Source position of the first character of output position `p`. */
  start(p: number): number {
    const i = this.lastAtOrBefore(p);
    if (i < 0) return p;
    const outEnd = this.outAt[i] + this.outLen[i];
    if (p < outEnd) return this.srcAt[i];
    return this.srcAt[i] + this.srcLen[i] + (p - outEnd);
  }

  /** Source position just after the output character at `p - 1` (an exclusive end). */
  end(p: number): number {
    if (p <= 0) return this.start(0);
    const i = this.lastAtOrBefore(p - 1);
    if (i < 0) return p;
    const outEnd = this.outAt[i] + this.outLen[i];
    if (p - 1 < outEnd) return this.srcAt[i] + this.srcLen[i];
    return this.srcAt[i] + this.srcLen[i] + (p - outEnd);
  }

  /** Whether any edit produced or removed characters inside output range [s, e). */
  touches(s: number, e: number): boolean {
    for (let i = this.lastAtOrBefore(e - 1); i >= 0; i--) {
      const at = this.outAt[i];
      const length = this.outLen[i];
      // A deletion counts only strictly inside the range; a replacement whenever it overlaps.
      if (length > 0 ? at + length > s : at > s) return true;
      if (at + length <= s) break;
    }
    return false;
  }
}

/**
 * Rewrites `text` by replacing each match of `pattern` (global) with what `replace` returns (or leaving
 * it if it returns undefined), recording every change in a fresh OffsetMap.
 */
export function rewrite(
  text: string,
  pattern: RegExp,
  replace: (match: RegExpExecArray, text: string) => string | undefined,
): { text: string; map: OffsetMap } {
  const map = new OffsetMap();
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(m, text);
    if (replacement === undefined || replacement === m[0]) continue;
    out += text.slice(last, m.index);
    map.record(out.length, replacement.length, m.index, m[0].length);
    out += replacement;
    last = m.index + m[0].length;
  }
  if (map.size === 0) return { text, map };
  return { text: out + text.slice(last), map };
}
