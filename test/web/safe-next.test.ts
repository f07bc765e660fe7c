import { describe, expect, it } from 'vitest';
import { safeNext } from '../../apps/web/lib/safe-next.ts';

describe('where sign-in may send the browser next', () => {
  it('keeps paths of this site, with their query and fragment', () => {
    expect(safeNext('/intel/reports?page=2#top')).toBe('/intel/reports?page=2#top');
    expect(safeNext('/')).toBe('/');
    expect(safeNext('/a/../b')).toBe('/b');
  });

  it('refuses anything that a browser would resolve to another site', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\t\\evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/%09/evil.example/../..',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /x',
      '',
      undefined,
      42,
    ])
      expect(new URL(safeNext(next), 'https://app.example').origin).toBe('https://app.example');
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
  });
});
