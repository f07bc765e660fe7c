import { type CompilerOptions, compile, type RuleMatch, validate } from '@litko/yara-x';

export interface YaraProblem {
  code: string;
  /** First line of the compiler's message, e.g. "unknown pattern `$b`". */
  message: string;
  line: number | null;
  column: number | null;
  /** The compiler's full report with the source excerpt. */
  detail: string;
}

export interface YaraRuleInfo {
  name: string;
  tags: string[];
  private: boolean;
  global: boolean;
}

export interface YaraValidation {
  ok: boolean;
  errors: YaraProblem[];
  warnings: YaraProblem[];
  rules: YaraRuleInfo[];
}

export interface YaraMatch {
  rule: string;
  namespace: string;
  tags: string[];
  meta: Record<string, unknown>;
  strings: { identifier: string; offset: number; length: number }[];
}

/** Bigger rule sets are refused before compiling: a rule file is text an analyst wrote, not a corpus. */
export const MAX_RULES_BYTES = 1024 * 1024;
const MAX_MATCHES_PER_PATTERN = 100;

/**
 * Uploaded rules are untrusted: `include` would read files from our disk (and echo them in compile
 * errors), `console` writes to our logs, and slow patterns or loops would let one rule stall the
 * worker. All are compile errors here.
 */
const SAFE_OPTIONS: CompilerOptions = {
  enableIncludes: false,
  errorOnSlowPattern: true,
  errorOnSlowLoop: true,
  bannedModules: [
    { name: 'console', errorTitle: 'the console module is not allowed', errorMessage: 'remove this import' },
  ],
};

const LOCATION = /-->\s*line:(\d+):(\d+)/;

function problem(raw: { code: string; message: string }): YaraProblem {
  const location = LOCATION.exec(raw.message);
  const headline = raw.message.split('\n')[0] ?? raw.message;
  return {
    code: raw.code,
    message: headline.replace(/^(error|warning)\[[^\]]+\]:\s*/, ''),
    line: location ? Number(location[1]) : null,
    column: location ? Number(location[2]) : null,
    detail: raw.message,
  };
}

/** Comments and string literals removed, keeping offsets, so rule headers are found in code only. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"/g, (m) => m.replace(/[^\n]/g, ' '));
}

const RULE_HEADER =
  /\b((?:(?:private|global)\s+)*)rule\s+([A-Za-z_][A-Za-z0-9_]{0,127})\s*(?::\s*([A-Za-z0-9_\s]*?))?\s*\{/g;

export function listRules(source: string): YaraRuleInfo[] {
  const rules: YaraRuleInfo[] = [];
  for (const m of codeOnly(source).matchAll(RULE_HEADER)) {
    const modifiers = m[1] ?? '';
    rules.push({
      name: m[2]!,
      tags: (m[3] ?? '').split(/\s+/).filter(Boolean),
      private: /\bprivate\b/.test(modifiers),
      global: /\bglobal\b/.test(modifiers),
    });
  }
  return rules;
}

/** Compiles with the real YARA-X engine and reports every error and warning with its line and column. */
export function validateRules(source: string): YaraValidation {
  if (Buffer.byteLength(source) > MAX_RULES_BYTES)
    return {
      ok: false,
      errors: [
        {
          code: 'too_large',
          message: `rules larger than ${MAX_RULES_BYTES} bytes`,
          line: null,
          column: null,
          detail: '',
        },
      ],
      warnings: [],
      rules: [],
    };
  const result = validate(source, SAFE_OPTIONS);
  const rules = listRules(source);
  const errors = result.errors.map(problem);
  if (!errors.length && !rules.length)
    errors.push({
      code: 'no_rules',
      message: 'the source defines no rule',
      line: null,
      column: null,
      detail: '',
    });
  return { ok: errors.length === 0, errors, warnings: result.warnings.map(problem), rules };
}

export interface CompiledRules {
  scan(data: Buffer): YaraMatch[];
  /** The same scan off the event loop (the engine's thread pool), for the worker. */
  scanAsync(data: Buffer): Promise<YaraMatch[]>;
}

const toMatch = (match: RuleMatch): YaraMatch => ({
  rule: match.ruleIdentifier,
  namespace: match.namespace,
  tags: match.tags,
  meta: match.meta as Record<string, unknown>,
  strings: match.matches.map(({ identifier, offset, length }) => ({ identifier, offset, length })),
});

/** Compiles rules already validated; throws on source that does not compile. */
export function compileRules(source: string): CompiledRules {
  const compiled = compile(source, SAFE_OPTIONS);
  compiled.setMaxMatchesPerPattern(MAX_MATCHES_PER_PATTERN);
  return {
    scan: (data) => compiled.scan(data).map(toMatch),
    scanAsync: async (data) => (await compiled.scanAsync(data)).map(toMatch),
  };
}
