import { describe, expect, it } from 'vitest';
import { linkProtocol } from '../../../src/validate/link-policy.js';
import { findings, record } from './lint.js';

describe('unsafe-link', () => {
  it('reads the protocol as a browser would', () => {
    expect(linkProtocol('java\tscript:alert(1)')).toBe('javascript');
    expect(linkProtocol(' JAVASCRIPT:x')).toBe('javascript');
    expect(linkProtocol('https://example.org')).toBe('https');
    expect(linkProtocol('/relative')).toBeUndefined();
  });

  it('allows http, https, mailto and fragments; refuses the rest, relative ones included', () => {
    const body =
      '[a](https://a.org) [b](http://b.org) [c](mailto:c@d.org) [d](#top) [e](javascript:x) [f](../secret.html) ![g](data:image/png;base64,AA) (AB) (CD)';
    expect(findings(record(body), 'unsafe-link').map((f) => f.split(' ')[0])).toEqual(['12:68', '12:86', '12:106']);
  });
});
