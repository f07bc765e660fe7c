import { describe, expect, it } from 'vitest';
import { compilePhrase } from '../../src/engine/text/terms.ts';
import {
  builtinFramework,
  builtinFrameworks,
  frameworkProblems,
  requireBuiltinFramework,
  selectControls,
  UnknownFrameworkError,
} from '../../src/frameworks/index.ts';

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const SOC2_IDS = [
  ...range('CC1.', 1, 5),
  ...range('CC2.', 1, 3),
  ...range('CC3.', 1, 4),
  ...range('CC4.', 1, 2),
  ...range('CC5.', 1, 3),
  ...range('CC6.', 1, 8),
  ...range('CC7.', 1, 5),
  'CC8.1',
  ...range('CC9.', 1, 2),
  ...range('A1.', 1, 3),
  ...range('C1.', 1, 2),
  ...range('PI1.', 1, 5),
  'P1.1',
  'P2.1',
  ...range('P3.', 1, 2),
  ...range('P4.', 1, 3),
  ...range('P5.', 1, 2),
  ...range('P6.', 1, 7),
  'P7.1',
  'P8.1',
];

describe('built-in frameworks', () => {
  it('SOC 2 has exactly the 2017 Trust Services Criteria', () => {
    const ids = requireBuiltinFramework('soc2').controls.map((c) => c.id);
    expect(SOC2_IDS).toHaveLength(61);
    expect([...ids].sort()).toEqual([...SOC2_IDS].sort());
  });

  it('GDPR covers the principles, data subject rights, controller duties and transfers', () => {
    const ids = requireBuiltinFramework('gdpr').controls.map((c) => c.id);
    const expected = [
      'Art.5',
      'Art.6',
      'Art.7',
      ...range('Art.', 12, 22),
      'Art.24',
      'Art.25',
      'Art.28',
      'Art.30',
      ...range('Art.', 32, 35),
      ...range('Art.', 37, 39),
      ...range('Art.', 44, 46),
    ];
    expect(ids).toEqual(expect.arrayContaining(expected));
  });

  it('HIPAA covers administrative, physical and technical safeguards and breach notification', () => {
    const hipaa = requireBuiltinFramework('hipaa');
    const ids = hipaa.controls.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        '164.308(a)(1)(ii)(A)',
        '164.308(a)(5)(ii)(D)',
        '164.310(d)(1)',
        '164.312(a)(2)(iv)',
        '164.312(e)(1)',
        '164.404',
        '164.408',
      ]),
    );
    const families = new Set(hipaa.controls.map((c) => c.family));
    for (const family of [
      'Administrative safeguards',
      'Physical safeguards',
      'Technical safeguards',
      'Breach notification',
    ])
      expect(families).toContain(family);
    expect(hipaa.controls.filter((c) => c.id.startsWith('164.308')).length).toBeGreaterThanOrEqual(25);
  });

  it('every built-in framework is well formed and its terms compile', () => {
    for (const framework of builtinFrameworks()) {
      expect(frameworkProblems(framework)).toEqual([]);
      expect(framework.source).toBe('builtin');
      for (const control of framework.controls) {
        expect(control.framework).toBe(framework.id);
        for (const facet of control.facets)
          for (const group of facet.terms) for (const term of group) compilePhrase(term);
      }
    }
  });

  it('frameworkProblems reports duplicates and empty facets', () => {
    const soc2 = requireBuiltinFramework('soc2');
    const broken = {
      ...soc2,
      controls: [soc2.controls[0], soc2.controls[0], { ...soc2.controls[1], facets: [] }],
    };
    const problems = frameworkProblems(broken);
    expect(problems).toContain('soc2 CC1.1: duplicate control id');
    expect(problems).toContain('soc2 CC1.2: no facets');
  });
});

describe('registry', () => {
  it('finds frameworks by id, case-insensitively and by version', () => {
    expect(builtinFramework('SOC2')?.id).toBe('soc2');
    expect(builtinFramework('gdpr', '2016/679')?.name).toBe('General Data Protection Regulation');
    expect(builtinFramework('gdpr', '1995')).toBeUndefined();
    expect(builtinFramework('iso27001')).toBeUndefined();
    expect(builtinFrameworks().map((f) => f.id)).toEqual(['soc2', 'gdpr', 'hipaa']);
  });

  it('requireBuiltinFramework names the known ids when one is unknown', () => {
    expect(() => requireBuiltinFramework('pci')).toThrow(UnknownFrameworkError);
    expect(() => requireBuiltinFramework('pci')).toThrow(/known: soc2, gdpr, hipaa/);
  });

  it('selectControls keeps the requested order and rejects unknown ids', () => {
    const soc2 = requireBuiltinFramework('soc2');
    expect(selectControls(soc2, ['CC6.1', 'CC1.1']).map((c) => c.id)).toEqual(['CC6.1', 'CC1.1']);
    expect(() => selectControls(soc2, ['CC6.1', 'CC99.9'])).toThrow(/CC99.9/);
  });
});
