import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/engine/index.ts';
import { findAttackMentions } from '../../src/engine/names.ts';
import { hasAttackFile, realCatalog } from '../attack/support.ts';

const ids = (list: { id: string }[]) => list.map((m) => m.id).sort();

describe('ATT&CK IDs without a catalog', () => {
  it('checks technique and tactic IDs by shape only', () => {
    const found = findAttackMentions('T1059.001 and T1566 in TA0001; T9999, TA0099 and G0007 are not read.');
    expect(ids(found.techniques)).toEqual(['T1059.001', 'T1566']);
    expect(ids(found.tactics)).toEqual(['TA0001']);
    expect(found.actors).toEqual([]);
    expect(found.techniques.every((t) => !t.known && t.warnings.length === 0)).toBe(true);
  });
});

describe.skipIf(!hasAttackFile)('ATT&CK names against the real catalog', () => {
  const find = (text: string) => findAttackMentions(text, realCatalog());

  it('finds actors by name and alias, merged per group', () => {
    const found = find('APT28 (also known as Fancy Bear) and Turla; the Lazarus Group and Sandworm Team.');
    expect(ids(found.actors)).toEqual(['G0007', 'G0010', 'G0032', 'G0034']);
    const apt28 = found.actors.find((a) => a.id === 'G0007')!;
    expect(apt28.occurrences.map((o) => o.raw)).toEqual(['APT28', 'Fancy Bear']);
    expect(apt28.via).toBe('name');
    expect(apt28.occurrences[0].sentence).toBe(
      'APT28 (also known as Fancy Bear) and Turla; the Lazarus Group and Sandworm Team.',
    );
  });

  it('needs capitals and a qualifier for names that are common English words', () => {
    expect(find('Solve the equation first.').actors).toEqual([]);
    expect(find('Equation is hard to solve.').actors).toEqual([]);
    expect(ids(find('The Equation group used implants.').actors)).toEqual(['G0020']);
    expect(find('We like to play. Play is fun.').software).toEqual([]);
    expect(ids(find('Play ransomware hit the city.').software)).toEqual(['S1162']);
    expect(find('The network was mapped with net and ping.').software).toEqual([]);
    expect(find('Ransomware and a wiper hit the hospital.').software).toEqual([]);
  });

  it('finds software and tells a name shared by a group and a tool apart by its qualifier', () => {
    expect(ids(find('They ran Mimikatz, Cobalt Strike and mimikatz again.').software)).toEqual([
      'S0002',
      'S0154',
    ]);
    const snake = find('The Snake malware spread.');
    expect(ids(snake.software)).toEqual(['S0022']);
    expect(snake.actors).toEqual([]);
  });

  it('finds techniques by ID and by distinctive name, and validates IDs', () => {
    const found = find('They used PowerShell and Process Injection (T1055), plus T1218.011 and T1999.');
    expect(ids(found.techniques)).toEqual(['T1055', 'T1059.001', 'T1218.011', 'T1999']);
    const unknown = found.techniques.find((t) => t.id === 'T1999')!;
    expect([unknown.known, unknown.warnings]).toEqual([false, ['not in the ATT&CK catalog']]);
    expect(found.techniques.find((t) => t.id === 'T1055')!.via).toBe('id');
    expect(find('Software and Domains were listed.').techniques).toEqual([]);
  });

  it('finds tactics by multi-word name, one-word names only as tactics', () => {
    expect(ids(find('Initial Access came through VPNs; the Execution tactic followed.').tactics)).toEqual([
      'TA0001',
      'TA0002',
    ]);
    expect(find('Execution of the plan had impact.').tactics).toEqual([]);
  });

  it('does not read names inside indicators', () => {
    const report = extractReport('Beacon to hxxp://turla-news[.]com/apt28 and turla.exe', {
      catalog: realCatalog(),
    });
    expect(report.actors).toEqual([]);
    expect(report.method).toBe('baseline');
    expect(report.indicators.map((i) => i.type)).toEqual(['url', 'file']);
  });
});
