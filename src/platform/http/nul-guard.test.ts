import { describe, expect, it } from 'vitest';
import { findNul } from './nul-guard.ts';

describe('finding a NUL character in a request', () => {
  it('names the path of the first string or key holding one, however deep', () => {
    expect(findNul({ person: { familyName: 'Gallo', notes: ['ok', 'a\u0000b'] } })).toEqual(['person', 'notes', '1']);
    expect(findNul({ 'ke\u0000y': 'x' })).toEqual(['ke\u0000y']);
    expect(findNul('\u0000')).toEqual([]);
  });

  it('passes clean input, numbers, nulls and raw bytes', () => {
    expect(findNul({ a: 'testo', b: 3, c: null, d: [true], e: Buffer.from([0, 1, 2]) })).toBeUndefined();
  });
});
