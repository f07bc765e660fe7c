import { markdownBlocks } from '@/lib/intel-markdown';

/** Agent-written Markdown as plain React text (no HTML is ever injected); headings start at `base`. */
export function Markdown({ source, base = 2 }: { source: string; base?: 2 | 3 }) {
  const blocks = markdownBlocks(source);
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="markdown">
      {blocks.map((b, i) => {
        const key = `${b.kind}-${i}`;
        if (b.kind === 'heading') {
          const level = Math.min(4, base + b.level - 1);
          const H = (level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4') as 'h2' | 'h3' | 'h4';
          return (
            <H
              key={key}
              className={level === 2 ? 'mt-2 text-base font-semibold' : 'mt-2 text-sm font-semibold'}
            >
              {b.text}
            </H>
          );
        }
        if (b.kind === 'list')
          return (
            <ul key={key} className="list-disc space-y-0.5 pl-5">
              {b.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        return <p key={key}>{b.text}</p>;
      })}
    </div>
  );
}
