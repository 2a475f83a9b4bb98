import { describe, expect, it } from 'vitest';
import { measureText, wrapText } from '../../../../src/core/report';
import { fitText } from '../../../../src/core/report/metrics';

describe('text measure and line breaking', () => {
  it('measures with the font widths: digits are tabular, bold is wider, size scales linearly', () => {
    expect(measureText('0000', 10)).toBeCloseTo(measureText('9999', 10), 6);
    expect(measureText('Roadmap', 10, 700)).toBeGreaterThan(measureText('Roadmap', 10, 400));
    expect(measureText('Roadmap', 20)).toBeCloseTo(2 * measureText('Roadmap', 10), 6);
    // Source Sans 3 regular: "M" is 727 units of 1000.
    expect(measureText('M', 10)).toBeCloseTo(7.27, 6);
  });

  it('wraps at spaces into lines that fit, keeping every word in order', () => {
    const text = 'ML engineer (open requisition) starts in week 1 (2027-Q1, 2027-01-08) and would be productive from week 13, but the foundations are not ready then.';
    for (const width of [60, 120, 250, 1000]) {
      const lines = wrapText(text, width, 9.5);
      for (const line of lines) expect(measureText(line, 9.5)).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(text);
    }
  });

  it('breaks a word longer than the line between characters, and keeps explicit line breaks', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 40, 9.5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    expect(wrapText('one\ntwo', 500, 9.5)).toEqual(['one', 'two']);
  });

  it('cuts text that does not fit with an ellipsis', () => {
    expect(fitText('short', 100, 9)).toBe('short');
    const cut = fitText('a title far too long for the little box it has to sit in', 80, 9);
    expect(cut.endsWith('…')).toBe(true);
    expect(measureText(cut, 9)).toBeLessThanOrEqual(80);
  });
});
