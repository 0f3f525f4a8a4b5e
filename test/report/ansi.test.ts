import { createColors } from '../../src/report/ansi';

/** The terminal styles (src/report/ansi.ts): picocolors' escapes, a nested style reopened after an inner close. */
describe('ANSI styles', () => {
  const on = createColors(true);
  const off = createColors(false);

  it.each([
    ['bold', on.bold('x'), '\x1b[1mx\x1b[22m'],
    ['dim', on.dim('x'), '\x1b[2mx\x1b[22m'],
    ['red', on.red('x'), '\x1b[31mx\x1b[39m'],
    ['yellow', on.yellow('x'), '\x1b[33mx\x1b[39m'],
    ['blue', on.blue('x'), '\x1b[34mx\x1b[39m'],
    ['cyan', on.cyan('x'), '\x1b[36mx\x1b[39m'],
    ['underline', on.underline('x'), '\x1b[4mx\x1b[24m'],
    ['italic', on.italic('x'), '\x1b[3mx\x1b[23m'],
    ['strikethrough', on.strikethrough('x'), '\x1b[9mx\x1b[29m'],
    // Bold and dim share their close (22): a dim part inside bold text turns bold back on after it.
    ['dim inside bold', on.bold(`a ${on.dim('b')} c`), '\x1b[1ma \x1b[2mb\x1b[22m\x1b[1m c\x1b[22m'],
    ['cyan inside red', on.red(`a ${on.cyan('b')} c`), '\x1b[31ma \x1b[36mb\x1b[31m c\x1b[39m'],
  ])('%s', (_name, styled, expected) => {
    expect(styled).toBe(expected);
  });

  it('off: every style returns its text', () => {
    expect(off.isColorSupported).toBe(false);
    expect(on.isColorSupported).toBe(true);
    for (const style of [
      off.bold,
      off.dim,
      off.italic,
      off.underline,
      off.strikethrough,
      off.red,
      off.yellow,
      off.blue,
      off.cyan,
    ])
      expect(style('a \x1b[22m b')).toBe('a \x1b[22m b');
  });
});
