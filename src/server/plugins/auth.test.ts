import { describe, expect, it } from 'vitest';
import { MIN_TOKEN_LENGTH, checkToken } from './auth.js';

describe('checkToken', () => {
  it('trims a token file’s newline and treats an empty token as none', () => {
    expect(checkToken('0123456789abcdef0123\n')).toEqual({ token: '0123456789abcdef0123', warning: null });
    expect(checkToken('  \n')).toEqual({ token: null, warning: null });
    expect(checkToken(undefined)).toEqual({ token: null, warning: null });
  });

  it('refuses whitespace inside a token and warns about a short one', () => {
    expect(() => checkToken('two words')).toThrow('the token holds whitespace');
    expect(checkToken('x').warning).toBe(`the token has 1 characters; use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 24)`);
  });
});
