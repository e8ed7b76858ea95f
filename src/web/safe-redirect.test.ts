import { describe, expect, it } from 'vitest';
import { isSafeRedirect, safeRedirect } from './safe-redirect.js';

const HOSTILE: [string, unknown][] = [
  ['scheme-relative', '//evil.example'],
  ['scheme-relative with a path', '//evil.example/login'],
  ['triple slash', '///evil.example'],
  ['slash backslash', '/\\evil.example'],
  ['backslash slash', '\\/evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['a backslash later in the path', '/admin\\..\\evil'],
  ['a tab between the slashes (issue #19)', '/\t/evil.example'],
  ['a newline between the slashes', '/\n/evil.example'],
  ['a carriage return', '/\r/evil.example'],
  ['CRLF header injection', '/admin\r\nSet-Cookie: x=1'],
  ['NUL', '/\u0000/evil.example'],
  ['DEL', '/\u007f/evil.example'],
  ['a C1 control', '/\u0085/evil.example'],
  ['a space', '/ /evil.example'],
  ['a no-break space', '/\u00a0/evil.example'],
  ['an ideographic space', '/\u3000/evil.example'],
  ['a line separator', '/\u2028/evil.example'],
  ['a zero-width space', '/\u200b/evil.example'],
  ['a byte-order mark', '/\ufeff/evil.example'],
  ['non-Latin-1 text Node would refuse in a header', '/topics/ça-va-\u4e2d'],
  ['a lone surrogate', '/x\ud800y'],
  ['an encoded slash', '/%2F/evil.example'],
  ['an encoded slash, lower case', '/%2f/evil.example'],
  ['an encoded backslash', '/%5C/evil.example'],
  ['an encoded tab', '/%09/evil.example'],
  ['an encoded newline', '/%0A/x'],
  ['an encoded carriage return', '/%0D/x'],
  ['an encoded NUL', '/%00/x'],
  ['an encoded no-break space', '/%C2%A0/evil.example'],
  ['a double-encoded slash decoded once into an encoded one', '/%252F%252Fevil'],
  ['malformed percent-encoding', '/%E0%A4%A'],
  ['dot segments that leave //', '/..//evil.example'],
  ['encoded dot segments that leave //', '/%2e%2e//evil.example'],
  ['https URL', 'https://evil.example/'],
  ['http URL with an @', 'http://tribune.test@evil.example/'],
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: behind a slash-less path', 'javascript://%0Aalert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a bare scheme', 'https:evil.example'],
  ['relative path', 'admin'],
  ['relative dot path', './admin'],
  ['the empty string', ''],
  ['very long', `/${'a'.repeat(2000)}`],
  ['a number', 42],
  ['an array', ['/admin']],
  ['an object', { toString: () => '/admin' }],
  ['null', null],
  ['undefined', undefined],
];

const GOOD = [
  '/',
  '/admin',
  '/admin/articles?status=draft&page=2',
  '/articles/rents-rise#comments',
  '/articles/rents-rise?thread=abc123&comment=def456#c-def456',
  '/account/delete',
  '/search?q=caf%C3%A9%20au%20lait',
  '/topics/caf%C3%A9',
  '/admin/moderation?tab=pending&cursor=eyJ0IjoiMjAyNSJ9',
  '/a%2Fb',
  `/${'a'.repeat(1998)}`,
];

describe('safeRedirect', () => {
  for (const [name, target] of HOSTILE) {
    it(`refuses ${name}`, () => {
      expect(isSafeRedirect(target)).toBe(false);
      expect(safeRedirect(target, '/fallback')).toBe('/fallback');
    });
  }

  for (const target of GOOD) {
    it(`keeps ${target.slice(0, 60)} as given`, () => {
      expect(safeRedirect(target, '/fallback')).toBe(target);
    });
  }

  it('may fall back to null', () => {
    expect(safeRedirect('//evil.example', null)).toBeNull();
  });
});
