import { describe, expect, it } from 'vitest';
import { compileRules, listRules, validateRules } from '../../src/yara/rules.ts';

const RULES = `
/* rule commented_out { condition: true } */
rule loader_strings : loader windows {
  meta:
    author = "Assay analysts"
    description = "rule inside a string: rule fake {"
  strings:
    $a = "stage2.bin"
    $b = { 4D 5A 90 00 }
  condition:
    $a or $b
}
private rule helper { condition: filesize < 10MB }
`;

describe('YARA rules', () => {
  it('validates real rules and lists them without reading comments or strings', () => {
    const result = validateRules(RULES);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.rules).toEqual([
      { name: 'loader_strings', tags: ['loader', 'windows'], private: false, global: false },
      { name: 'helper', tags: [], private: true, global: false },
    ]);
    expect(listRules('// rule x { condition: true }')).toEqual([]);
  });

  it('reports compile errors with their line and column', () => {
    const result = validateRules('rule a {\n  strings: $a = "x"\n  condition: $b\n}');
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ line: 3, column: 14 });
    expect(result.errors[0]!.message).toMatch(/unknown pattern/);
    const syntax = validateRules('rule broken { condition: }');
    expect(syntax.ok).toBe(false);
    expect(syntax.errors[0]!.line).toBe(1);
  });

  it('refuses includes (they would read our disk), the console module and sources without rules', () => {
    const include = validateRules('include "/etc/passwd"\nrule a { condition: true }');
    expect(include.ok).toBe(false);
    expect(JSON.stringify(include)).not.toMatch(/root:/);
    expect(validateRules('import "console"\nrule a { condition: console.log("x") }').ok).toBe(false);
    expect(validateRules('// nothing here').errors[0]!.code).toBe('no_rules');
    expect(validateRules('x'.repeat(1024 * 1024 + 1)).errors[0]!.code).toBe('too_large');
  });

  it('scans data and reports which strings matched where', () => {
    const rules = compileRules(RULES);
    const matches = rules.scan(Buffer.from('....stage2.bin....'));
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      rule: 'loader_strings',
      tags: ['loader', 'windows'],
      meta: { author: 'Assay analysts' },
      strings: [{ identifier: '$a', offset: 4, length: 10 }],
    });
    expect(rules.scan(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))[0]!.strings[0]!.identifier).toBe('$b');
    expect(rules.scan(Buffer.from('clean file'))).toEqual([]);
  });

  it('scans off the event loop with the same result', async () => {
    const rules = compileRules(RULES);
    const data = Buffer.from('....stage2.bin....');
    expect(await rules.scanAsync(data)).toEqual(rules.scan(data));
  });
});
