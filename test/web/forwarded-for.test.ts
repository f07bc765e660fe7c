import { describe, expect, it } from 'vitest';
import { withPeer } from '../../apps/web/lib/forwarded-for.ts';

describe('the X-Forwarded-For chain the web app passes to the API', () => {
  it('ends with the address that connected, whatever the visitor wrote', () => {
    expect(withPeer(undefined, '198.51.100.7')).toBe('198.51.100.7');
    expect(withPeer('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9, 198.51.100.7');
    expect(withPeer('1.1.1.1,  2.2.2.2 ,', '::ffff:127.0.0.1')).toBe('1.1.1.1, 2.2.2.2, ::ffff:127.0.0.1');
    expect(withPeer(['1.1.1.1', '2.2.2.2'], '10.0.0.1')).toBe('1.1.1.1, 2.2.2.2, 10.0.0.1');
    expect(withPeer('', '10.0.0.1')).toBe('10.0.0.1');
  });

  it('is dropped when the peer is unknown', () => {
    expect(withPeer('203.0.113.9', undefined)).toBeUndefined();
  });
});
