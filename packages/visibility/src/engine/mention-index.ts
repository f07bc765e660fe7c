import type { BrandMention } from './heads.ts';

/** Accepted mentions sorted by position, for lookups that stay fast on answers with thousands of them. */
export class MentionIndex {
  readonly all: BrandMention[];
  private readonly byStart = new Map<number, BrandMention>();

  constructor(mentions: BrandMention[]) {
    this.all = [...mentions].sort((a, b) => a.mention.span[0] - b.mention.span[0]);
    for (const m of this.all) this.byStart.set(m.mention.span[0], m);
  }

  startingAt(offset: number): BrandMention | undefined {
    return this.byStart.get(offset);
  }

  /** Mentions lying wholly inside `[start, end)`. */
  within([start, end]: [number, number]): BrandMention[] {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid].mention.span[0] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: BrandMention[] = [];
    for (let i = lo; i < this.all.length && this.all[i].mention.span[0] < end; i++)
      if (this.all[i].mention.span[1] <= end) out.push(this.all[i]);
    return out;
  }
}
