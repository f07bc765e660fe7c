import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/attack/search.ts';
import { AttackBundleError, parseAttackBundle } from '../../src/attack/stix.ts';
import { hasAttackFile, realCatalog } from './support.ts';

const ref = (id: string) => [{ source_name: 'mitre-attack', external_id: id }];
const small = {
  type: 'bundle',
  id: 'bundle--1',
  objects: [
    { type: 'x-mitre-collection', id: 'x-mitre-collection--1', x_mitre_version: '18.1' },
    {
      type: 'x-mitre-tactic',
      id: 'x-mitre-tactic--1',
      name: 'Execution',
      x_mitre_shortname: 'execution',
      external_references: ref('TA0002'),
    },
    {
      type: 'attack-pattern',
      id: 'attack-pattern--1',
      name: 'Command and Scripting Interpreter',
      external_references: ref('T1059'),
      kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'execution' }],
    },
    {
      type: 'attack-pattern',
      id: 'attack-pattern--2',
      name: 'PowerShell',
      x_mitre_is_subtechnique: true,
      external_references: ref('T1059.001'),
      kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'execution' }],
    },
    {
      type: 'attack-pattern',
      id: 'attack-pattern--3',
      name: 'Old',
      revoked: true,
      external_references: ref('T1000'),
    },
    {
      type: 'attack-pattern',
      id: 'attack-pattern--4',
      name: 'Older',
      x_mitre_deprecated: true,
      external_references: ref('T1001'),
    },
    {
      type: 'intrusion-set',
      id: 'intrusion-set--1',
      name: 'APT28',
      aliases: ['APT28', 'Fancy Bear'],
      external_references: ref('G0007'),
    },
    {
      type: 'malware',
      id: 'malware--1',
      name: 'X-Agent',
      x_mitre_aliases: ['X-Agent', 'CHOPSTICK'],
      external_references: ref('S0161'),
    },
    { type: 'tool', id: 'tool--1', name: 'Mimikatz', external_references: ref('S0002') },
    {
      type: 'campaign',
      id: 'campaign--1',
      name: 'Operation X',
      aliases: ['Operation X'],
      external_references: ref('C0001'),
    },
    {
      type: 'course-of-action',
      id: 'course-of-action--1',
      name: 'Execution Prevention',
      external_references: ref('M1038'),
    },
    {
      type: 'relationship',
      id: 'r1',
      relationship_type: 'uses',
      source_ref: 'intrusion-set--1',
      target_ref: 'malware--1',
    },
    {
      type: 'relationship',
      id: 'r2',
      relationship_type: 'subtechnique-of',
      source_ref: 'attack-pattern--2',
      target_ref: 'attack-pattern--1',
    },
    {
      type: 'relationship',
      id: 'r3',
      relationship_type: 'uses',
      source_ref: 'intrusion-set--1',
      target_ref: 'attack-pattern--3',
    },
    {
      type: 'relationship',
      id: 'r4',
      relationship_type: 'mitigates',
      source_ref: 'course-of-action--1',
      target_ref: 'attack-pattern--1',
      revoked: true,
    },
    {
      type: 'relationship',
      id: 'r5',
      relationship_type: 'related-to',
      source_ref: 'tool--1',
      target_ref: 'malware--1',
    },
  ],
};

describe('parseAttackBundle', () => {
  it('reads every object kind and skips revoked and deprecated ones', () => {
    const c = parseAttackBundle(JSON.stringify(small));
    expect(c.version).toBe('18.1');
    expect(c.techniques.map((t) => [t.id, t.isSubtechnique, t.parentId, t.tactics])).toEqual([
      ['T1059', false, undefined, ['execution']],
      ['T1059.001', true, 'T1059', ['execution']],
    ]);
    expect(c.tactics.map((t) => t.shortname)).toEqual(['execution']);
    expect(c.groups[0].aliases).toEqual(['APT28', 'Fancy Bear']);
    expect(c.software.map((s) => [s.id, s.kind, s.aliases])).toEqual([
      ['S0161', 'malware', ['X-Agent', 'CHOPSTICK']],
      ['S0002', 'tool', []],
    ]);
    expect([c.campaigns[0].id, c.mitigations[0].id]).toEqual(['C0001', 'M1038']);
    // r3 points at a revoked technique, r4 is revoked, r5 is a type we do not keep.
    expect(c.relationships.map((r) => r.type)).toEqual(['uses', 'subtechnique-of']);
  });

  it('accepts a parsed object or bytes as well as a string', () => {
    expect(parseAttackBundle(small).techniques).toHaveLength(2);
    expect(parseAttackBundle(new TextEncoder().encode(JSON.stringify(small))).groups).toHaveLength(1);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1,2]', /must be a JSON object/],
    ['{"type":"x-mitre-matrix"}', /expected a STIX bundle/],
    ['{"type":"bundle"}', /no "objects" array/],
    ['{"type":"bundle","objects":[{"type":"identity","id":"identity--1"}]}', /holds no ATT&CK/],
  ])('rejects %s clearly', (input, message) => {
    expect(() => parseAttackBundle(input)).toThrow(AttackBundleError);
    expect(() => parseAttackBundle(input)).toThrow(message);
  });

  it('searches by id, name, alias and prefix', () => {
    const index = indexCatalog(parseAttackBundle(small));
    expect(index.get('t1059.001')?.object.name).toBe('PowerShell');
    expect(index.get('intrusion-set--1')?.kind).toBe('group');
    expect(index.byName('fancy bear').map((e) => e.object.id)).toEqual(['G0007']);
    expect(index.search('T1059').map((e) => e.object.id)).toEqual(['T1059', 'T1059.001']);
    expect(index.search('chop').map((e) => e.object.name)).toEqual(['X-Agent']);
    expect(index.search('')).toEqual([]);
  });
});

describe.skipIf(!hasAttackFile)('the real ATT&CK Enterprise bundle', () => {
  it('imports the documented counts', () => {
    const c = realCatalog();
    expect(c.domain).toBe('enterprise-attack');
    expect(c.techniques).toHaveLength(691);
    expect(c.tactics).toHaveLength(14);
    expect(c.groups).toHaveLength(172);
    expect(c.software.filter((s) => s.kind === 'malware')).toHaveLength(693);
    expect(c.software.filter((s) => s.kind === 'tool')).toHaveLength(91);
    expect(c.campaigns).toHaveLength(52);
    expect(c.mitigations).toHaveLength(44);
    expect(c.relationships).toHaveLength(19215);
    const count = (type: string) => c.relationships.filter((r) => r.type === type).length;
    expect([count('uses'), count('mitigates'), count('subtechnique-of'), count('attributed-to')]).toEqual([
      17270, 1445, 475, 25,
    ]);
  });

  it('links sub-techniques, tactics and aliases', () => {
    const index = indexCatalog(realCatalog());
    const ps = index.get('T1059.001')?.object;
    expect(ps && 'parentId' in ps ? [ps.name, ps.parentId, ps.tactics] : []).toEqual([
      'PowerShell',
      'T1059',
      ['execution'],
    ]);
    expect(index.byName('Fancy Bear').map((e) => e.object.id)).toEqual(['G0007']);
    expect(index.get('TA0011')?.object.name).toBe('Command and Control');
    expect(index.search('lazarus').map((e) => e.object.name)).toContain('Lazarus Group');
  });
});
