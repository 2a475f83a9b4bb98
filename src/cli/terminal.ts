/**
 * Text from a workspace (names, notes) goes to a terminal. A name holding `ESC ] 52 ; …` could set
 * the clipboard, `ESC [ 2 J` clear the screen, a CR overwrite the line before it. So everything
 * the CLI prints passes through neutraliseControls, and JSON output escapes the controls
 * JSON.stringify leaves raw (DEL and C1), so that it keeps the data exactly.
 */

/** ESC sequences: CSI (ESC [ … final), OSC/DCS/APC/PM/SOS strings (to BEL or ESC \), and two-character escapes. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u009d\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u009c|\u001b\\)?/g;
/** Every other C0 control but tab and newline, DEL, and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with terminal escape sequences and control characters (except tab and newline) removed. */
export function neutraliseControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** JSON text with DEL and C1 controls written as `\uXXXX` escapes (same value, nothing a terminal acts on). */
export function jsonForTerminal(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
