import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUntrustedValue, isRealTimestamp, LIMITS, loneSurrogateAt, quoteForMessage, scanJsonText } from '../../../../src/core/input/limits';

describe('scanJsonText: limits checked before parsing', () => {
  it('refuses nesting past the limit, with where it happens, without parsing', () => {
    expect(scanJsonText('['.repeat(100_000) + ']'.repeat(100_000))).toMatch(/nested more than 16 levels deep at line 1, column 17/);
    expect(scanJsonText('['.repeat(16) + ']'.repeat(16))).toBeNull();
  });

  it('does not count brackets inside strings, and skips escaped quotes', () => {
    expect(scanJsonText(JSON.stringify({ a: '['.repeat(1000), b: 'say \\"[[[[[[[[[[[[[[[[[[[[[\\"' }))).toBeNull();
  });

  it('refuses a string far over the limit and an oversized document', () => {
    expect(scanJsonText(`{"a": "${'x'.repeat(LIMITS.stringChars * 7)}"}`)).toMatch(/a string at line 1, column 7 is longer than 20,000 characters/);
    expect(scanJsonText('x'.repeat(11), 10)).toMatch(/11 characters long; at most 10/);
  });
});

describe('checkUntrustedValue', () => {
  it('refuses __proto__, constructor and prototype keys wherever they are (JSON.parse makes them own keys)', () => {
    expect(checkUntrustedValue(JSON.parse('{"a": {"__proto__": {"x": 1}}}'))).toEqual(['a: the key "__proto__" is not allowed']);
    expect(checkUntrustedValue(JSON.parse('{"list": [{"constructor": 1}]}'))).toEqual(['list[0]: the key "constructor" is not allowed']);
    expect(checkUntrustedValue({ id: 'prototype' })).toEqual(['id: "prototype" is not allowed as an id']);
  });

  it('refuses non-finite and enormous numbers', () => {
    expect(checkUntrustedValue({ a: Number.NaN, b: Infinity, c: 1e13, d: -1e12 })).toEqual(['a: must be a finite number', 'b: must be a finite number', 'c: must be between −1e+12 and 1e+12']);
  });

  it('refuses lone surrogates in values and keys, and accepts proper pairs', () => {
    expect(checkUntrustedValue({ name: 'a\ud800b' })).toEqual(['name: not valid Unicode text (a lone surrogate U+D800 at character 2)']);
    expect(checkUntrustedValue({ '\udc00': 1 })).toEqual(['(document): a key that is not valid Unicode text (a lone surrogate)']);
    expect(checkUntrustedValue({ name: '👩🏽‍💻' })).toEqual([]);
  });

  it('limits short fields, long text, list sizes by collection and keys per object', () => {
    expect(checkUntrustedValue({ name: 'n'.repeat(501) })).toEqual(['name: 501 characters long; at most 500 are accepted']);
    expect(checkUntrustedValue({ notes: 'n'.repeat(20_000) })).toEqual([]);
    expect(checkUntrustedValue({ workItems: new Array(2_001).fill(0) })).toEqual(['workItems: 2,001 entries; at most 2,000 are accepted']);
    expect(checkUntrustedValue({ predecessors: new Array(1_001).fill('a') })).toEqual(['predecessors: 1,001 entries; at most 1,000 are accepted']);
    expect(checkUntrustedValue({ demand: Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`r${i}`, 1])) })).toEqual(['demand: 1,001 keys; at most 1,000 are accepted']);
  });

  it('never throws and never quotes a value, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withTypedArray: true, withBoxedValues: true }), (value) => {
        const problems = checkUntrustedValue(value);
        for (const problem of problems) expect(problem.length).toBeLessThan(300);
      }),
      { numRuns: 500 },
    );
  });
});

describe('small rules', () => {
  it('quoteForMessage cuts long values and says how long they were', () => {
    expect(quoteForMessage('short')).toBe('"short"');
    expect(quoteForMessage('x'.repeat(10_000_000))).toBe(`"${'x'.repeat(60)}"… (10,000,000 characters)`);
    expect(quoteForMessage(2)).toBe('2');
  });

  it('isRealTimestamp accepts only real UTC times within the date range', () => {
    expect(isRealTimestamp('2027-01-04T09:00:00.000Z')).toBe(true);
    for (const bad of ['2026-13-45T99:99:99Z', '2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:00:00+02:00', '0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z']) {
      expect(isRealTimestamp(bad), bad).toBe(false);
    }
  });

  it('loneSurrogateAt finds the first unpaired half', () => {
    expect(loneSurrogateAt('ok 😀')).toBe(-1);
    expect(loneSurrogateAt('\udc00\ud800')).toBe(0);
    expect(loneSurrogateAt('ab\ud83d')).toBe(2);
  });
});
