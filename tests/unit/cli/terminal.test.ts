import { describe, expect, it } from 'vitest';
import { jsonForTerminal, neutraliseControls } from '../../../src/cli/terminal';

describe('terminal output', () => {
  it('strips escape sequences and control characters, keeping tabs and newlines', () => {
    expect(neutraliseControls('a\u001b[2Jb\u001b]52;c;cHduZWQ=\u0007c\u009b31md\re\u0000f\tg\nh')).toBe('abcdef\tg\nh');
    expect(neutraliseControls('Zoë 👩🏽‍💻 אבג')).toBe('Zoë 👩🏽‍💻 אבג');
  });

  it('escapes DEL and C1 controls in JSON, which keeps the value', () => {
    const value = { name: 'a\u009bb\u007f' };
    const text = jsonForTerminal(value);
    expect(text).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(neutraliseControls(text)).toBe(text);
  });
});
