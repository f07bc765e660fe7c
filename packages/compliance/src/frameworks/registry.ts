import { gdpr } from './gdpr/index.ts';
import { hipaa } from './hipaa/index.ts';
import { soc2 } from './soc2/index.ts';
import type { Control, Framework } from './types.ts';

/** Built-in frameworks; newest version of each id last, so it wins when no version is asked for. */
const BUILTIN: readonly Framework[] = [soc2, gdpr, hipaa];

export class UnknownFrameworkError extends Error {
  readonly frameworkId: string;
  constructor(id: string, version?: string) {
    super(
      `Unknown framework "${id}"${version ? ` version "${version}"` : ''}; known: ${knownIds().join(', ')}`,
    );
    this.name = 'UnknownFrameworkError';
    this.frameworkId = id;
  }
}

function knownIds(): string[] {
  return [...new Set(BUILTIN.map((f) => f.id))];
}

export function builtinFrameworks(): Framework[] {
  return [...BUILTIN];
}

/** The built-in framework with this id (case-insensitive), at `version` if given, else its newest version. */
export function builtinFramework(id: string, version?: string): Framework | undefined {
  const wanted = id.toLowerCase();
  return BUILTIN.filter((f) => f.id === wanted && (version === undefined || f.version === version)).at(-1);
}

export function requireBuiltinFramework(id: string, version?: string): Framework {
  const framework = builtinFramework(id, version);
  if (!framework) throw new UnknownFrameworkError(id, version);
  return framework;
}

/** Controls of a framework, optionally only those with the given ids (unknown ids are reported). */
export function selectControls(framework: Framework, ids?: readonly string[]): Control[] {
  if (!ids) return framework.controls;
  const byId = new Map(framework.controls.map((c) => [c.id, c]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new Error(`${framework.id} has no control(s) ${unknown.join(', ')}`);
  return ids.map((id) => byId.get(id)!);
}
