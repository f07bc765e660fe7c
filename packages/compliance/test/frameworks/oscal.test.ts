import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../../test/support/shared-data.ts';
import { OscalImportError, parseOscalCatalog, parseOscalCatalogText } from '../../src/frameworks/oscal.ts';
import { readOscalCatalogFile } from '../../src/frameworks/oscal-file.ts';
import { frameworkProblems } from '../../src/frameworks/validate.ts';

const NIST = (level: string) =>
  sharedData(`oscal/NIST_SP-800-53_rev5_${level}-baseline-resolved-profile_catalog-min.json`);

describe('OSCAL import of the NIST SP 800-53 rev 5 baselines', () => {
  it('LOW gives 131 controls plus their enhancements, with statements resolved', async () => {
    const framework = await readOscalCatalogFile(NIST('LOW'));
    expect(framework.source).toBe('oscal');
    expect(framework.version).toBe('5.1.1+u4');
    expect(framework.controls.filter((c) => !c.parent)).toHaveLength(131);
    expect(framework.controls.filter((c) => c.parent)).toHaveLength(18);
    expect(frameworkProblems(framework)).toEqual([]);
    for (const control of framework.controls) {
      const text = [
        control.summary,
        control.guidance ?? '',
        ...control.facets.map((f) => f.description),
      ].join(' ');
      expect(text).not.toMatch(/\{\{|insert:/);
      expect(control.facets.length).toBeGreaterThan(0);
    }
  });

  it('resolves parameters to their labels and selections, and keeps items as facets', async () => {
    const framework = await readOscalCatalogFile(NIST('LOW'));
    const ac2 = framework.controls.find((c) => c.id === 'AC-2')!;
    expect(ac2.family).toBe('Access Control');
    expect(ac2.title).toBe('Account Management');
    expect(ac2.summary).toContain('c. Require [prerequisites and criteria] for group and role membership');
    expect(ac2.facets.map((f) => f.key)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
      'l',
    ]);
    expect(ac2.facets[1].description).toBe('assign account managers');
    const ac1 = framework.controls.find((c) => c.id === 'AC-1')!;
    expect(ac1.summary).toContain(
      '[one or more of: organization-level; mission/business process-level; system-level]',
    );
    const ia21 = framework.controls.find((c) => c.id === 'IA-2(1)')!;
    expect(ia21.parent).toBe('IA-2');
    expect(ia21.summary).toBe('Implement multi-factor authentication for access to privileged accounts.');
  });

  it('MODERATE gives 177 controls and 110 enhancements; enhancements can be left out', async () => {
    const framework = await readOscalCatalogFile(NIST('MODERATE'));
    expect(framework.controls.filter((c) => !c.parent)).toHaveLength(177);
    expect(framework.controls).toHaveLength(287);
    const withoutEnhancements = await readOscalCatalogFile(NIST('MODERATE'), {
      includeEnhancements: false,
      id: 'nist-moderate',
    });
    expect(withoutEnhancements.id).toBe('nist-moderate');
    expect(withoutEnhancements.controls).toHaveLength(177);
  });
});

describe('OSCAL import of small catalogs', () => {
  const catalog = (body: object) => ({
    catalog: { uuid: 'x', metadata: { title: 'Demo Catalog', version: '2' }, ...body },
  });

  it('uses set values, nested groups, top-level controls and severity options', () => {
    const framework = parseOscalCatalog(
      catalog({
        groups: [
          {
            title: 'Outer',
            groups: [
              {
                title: 'Inner',
                controls: [
                  {
                    id: 'dm-1',
                    title: 'Backups',
                    params: [{ id: 'dm-1_prm', label: 'frequency', values: ['daily'] }],
                    parts: [
                      {
                        name: 'statement',
                        prose: 'Back up production databases {{ insert: param, dm-1_prm }}.',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        controls: [
          { id: 'dm-2', title: 'Withdrawn', props: [{ name: 'status', value: 'withdrawn' }] },
          { id: 'dm-3', title: 'Log Review' },
        ],
      }),
      { severity: (c) => (c.id === 'DM-1' ? 'high' : 'low') },
    );
    expect(framework.id).toBe('demo-catalog');
    expect(framework.controls.map((c) => [c.id, c.family, c.severity])).toEqual([
      ['DM-1', 'Inner', 'high'],
      ['DM-3', undefined, 'low'],
    ]);
    expect(framework.controls[0].summary).toBe('Back up production databases daily.');
    // Two words of the statement, each a term group of its own; the parameter's text is not used.
    expect(framework.controls[0].facets[0].terms).toEqual([['back'], ['production']]);
    expect(framework.controls[1].facets[0].description).toBe('address log review');
  });

  it('explains what is wrong with JSON that is not a catalog', () => {
    expect(() => parseOscalCatalog([1, 2])).toThrow('got an array');
    expect(() => parseOscalCatalog('catalog')).toThrow('got string');
    expect(() => parseOscalCatalog({ profile: { imports: [] } })).toThrow(
      'This is a profile (resolve it into a catalog first)',
    );
    expect(() => parseOscalCatalog({ 'system-security-plan': {} })).toThrow(
      /system security plan, not an OSCAL catalog/,
    );
    expect(() => parseOscalCatalog({ foo: 1 })).toThrow('no top-level "catalog" object (found keys: foo)');
    expect(() => parseOscalCatalog({ catalog: { metadata: {} } })).toThrow(
      /metadata title \(at catalog.metadata.title\)/,
    );
    expect(() => parseOscalCatalog(catalog({ groups: [] }))).toThrow('The catalog contains no controls');
    expect(() =>
      parseOscalCatalog(catalog({ groups: [{ title: 'G', controls: [{ title: 'no id' }] }] })),
    ).toThrow('at catalog.groups[0].controls[0]');
    expect(() => parseOscalCatalogText('{"catalog": ')).toThrow(/^Not valid JSON/);
    const error = (() => {
      try {
        parseOscalCatalog(catalog({ controls: 'x' }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OscalImportError);
    expect((error as OscalImportError).path).toBe('catalog.controls');
  });
});
