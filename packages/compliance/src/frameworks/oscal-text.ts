import type { OscalParam, OscalPart } from './oscal-model.ts';

const INSERT = /\{\{\s*insert:\s*([\w-]+)\s*,\s*([^\s}]+)\s*\}\}/g;
const MAX_DEPTH = 5;

/** Replaces `{{ insert: param, id }}` with the parameter's values, its choices, or its label in brackets. */
export function resolveParams(prose: string, params: ReadonlyMap<string, OscalParam>, depth = 0): string {
  return prose
    .replace(INSERT, (_, type: string, id: string) => {
      if (type !== 'param') return '';
      const param = params.get(id);
      if (!param || depth >= MAX_DEPTH) return `[${id}]`;
      return renderParam(param, params, depth + 1);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function renderParam(param: OscalParam, params: ReadonlyMap<string, OscalParam>, depth: number): string {
  if (param.values?.length) return param.values.map((v) => resolveParams(v, params, depth)).join(', ');
  const choices = param.select?.choice;
  if (choices?.length) {
    const howMany = param.select?.['how-many'] === 'one-or-more' ? 'one or more of' : 'one of';
    return `[${howMany}: ${choices.map((c) => resolveParams(c, params, depth)).join('; ')}]`;
  }
  return `[${param.label ?? param.id}]`;
}

/** Text of a part and its sub-parts, each item prefixed with its label ("a.", "1."). */
export function flattenPart(part: OscalPart, params: ReadonlyMap<string, OscalParam>): string {
  const label = part.props?.find((p) => p.name === 'label')?.value;
  const own = [label, part.prose ? resolveParams(part.prose, params) : ''].filter(Boolean).join(' ');
  const children = (part.parts ?? []).map((p) => flattenPart(p, params));
  return [own, ...children].filter(Boolean).join(' ');
}

/** The prose of a part and its sub-parts, without parameter text: what the requirement is about. */
export function partWords(part: OscalPart): string {
  const own = (part.prose ?? '').replace(INSERT, ' ');
  return [own, ...(part.parts ?? []).map(partWords)].join(' ');
}
