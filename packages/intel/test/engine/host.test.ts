import { describe, expect, it } from 'vitest';
import { only, valuesOf } from './support.ts';

describe('file names', () => {
  it('finds names with known extensions, including double extensions and paths', () => {
    const text =
      'It dropped invoice.pdf.exe to C:\\Users\\Public\\svc.dll and ran EXCEL.EXE, then /tmp/.nx/update.sh and nx.arm7.';
    expect(valuesOf(text, 'file')).toEqual([
      'invoice.pdf.exe',
      'svc.dll',
      'EXCEL.EXE',
      'update.sh',
      'nx.arm7',
    ]);
  });

  it('reads quoted names with spaces, and the last part of a quoted path', () => {
    expect(valuesOf('opened "Remittance Advice 0412.js" from mail', 'file')).toEqual([
      'Remittance Advice 0412.js',
    ]);
    expect(valuesOf('ran "C:\\Users\\j.doe\\Downloads\\Q1 Salary Review.docm"', 'file')).toEqual([
      'Q1 Salary Review.docm',
    ]);
  });

  it('decides names that end in a TLD (.zip, .mov, .one, .sh) from the context', () => {
    const text =
      'The archive payload.zip was delivered from the C2 domain payload-cdn.zip, and recap.mov was a video.';
    expect(valuesOf(text, 'file')).toEqual(['payload.zip', 'recap.mov']);
    expect(valuesOf(text, 'domain')).toEqual(['payload-cdn.zip']);
    expect(only('The archive payload.zip', 'file').warnings).toEqual(['also reads as a domain name']);
  });

  it('ignores version numbers and framework names', () => {
    expect(valuesOf('Node.js 20 and Vue.js, release 1.2.3', 'file')).toEqual([]);
  });
});

describe('registry keys', () => {
  it('spells out the hive and keeps inner names with spaces', () => {
    const text =
      'Persistence via HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run key and ' +
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon.';
    expect(valuesOf(text, 'registry_key')).toEqual([
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
    ]);
  });

  it('reads reg.exe arguments, escaped backslashes, PowerShell drives and quoted keys', () => {
    expect(
      valuesOf('reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender /v X /d 1', 'registry_key'),
    ).toEqual(['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender']);
    expect(valuesOf('"HKEY_CURRENT_USER\\\\Software\\\\Evil"', 'registry_key')).toEqual([
      'HKEY_CURRENT_USER\\Software\\Evil',
    ]);
    expect(valuesOf('Get-Item HKCU:\\Environment', 'registry_key')).toEqual([
      'HKEY_CURRENT_USER\\Environment',
    ]);
    expect(valuesOf('key "HKLM\\Software\\My App\\Run Once"', 'registry_key')).toEqual([
      'HKEY_LOCAL_MACHINE\\Software\\My App\\Run Once',
    ]);
  });

  it('needs at least one key below the hive', () => {
    expect(valuesOf('values under HKLM are protected', 'registry_key')).toEqual([]);
  });
});

describe('mutexes', () => {
  it.each([
    ['It creates the mutex "Global\\\\QWERTY_123".', 'Global\\QWERTY_123'],
    ['Mutex created: Rc7yT2_WinCfg_Mutex', 'Rc7yT2_WinCfg_Mutex'],
    ['A mutex named DocsRyk33 prevents reinfection.', 'DocsRyk33'],
    ['Mutex: Local\\SM0:4412:168:WilStaging_02', 'Local\\SM0:4412:168:WilStaging_02'],
  ])('finds %s', (text, value) => {
    expect(valuesOf(text, 'mutex')).toEqual([value]);
  });

  it('needs the word mutex and an identifier-like name', () => {
    expect(valuesOf('It uses the string "QWERTY_123" as a key.', 'mutex')).toEqual([]);
    expect(valuesOf('A mutex prevents multiple instances.', 'mutex')).toEqual([]);
    expect(valuesOf('The mutex named after the payload.exe file', 'mutex')).toEqual([]);
  });
});
