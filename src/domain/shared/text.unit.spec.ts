import { findTextFaults, printable, textFault } from './text';

describe('textFault', () => {
  const user = { controlCharacters: true };
  const storable = { controlCharacters: false };

  it('accepts well-formed text with tab, newline and carriage return', () => {
    expect(textFault('Élodie ☕ 😀\tligne\r\nsuite', user)).toBeNull();
    expect(textFault('', user)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\ud800b', 'LONE_SURROGATE'],
    ['a lone high surrogate at the end', 'a\ud83d', 'LONE_SURROGATE'],
    ['a lone low surrogate', '\ude00a', 'LONE_SURROGATE'],
    ['reversed surrogates', '\ude00\ud83d', 'LONE_SURROGATE'],
    ['BEL', 'a\u0007', 'CONTROL_CHARACTER'],
    ['ESC', '\u001b[31m', 'CONTROL_CHARACTER'],
    ['DEL', 'a\u007f', 'CONTROL_CHARACTER'],
    ['a C1 control (NEL)', 'a\u0085', 'CONTROL_CHARACTER'],
  ])('reports %s', (_what, value, fault) => {
    expect(textFault(value, user)).toBe(fault);
  });

  it('checks only what Postgres refuses when control characters are storable', () => {
    expect(textFault('a\u0007\u007f', storable)).toBeNull();
    expect(textFault('a\u0000', storable)).toBe('NUL');
    expect(textFault('a\udfff', storable)).toBe('LONE_SURROGATE');
  });
});

describe('findTextFaults', () => {
  it('names nested fields, array items and keys', () => {
    const body = { a: { b: ['ok', 'x\u0000'] }, ['k\u0007']: 'v', c: 'fine' };
    expect(findTextFaults(body, { controlCharacters: true })).toEqual([
      { field: 'a.b.1', fault: 'NUL' },
      { field: 'k\\u0007', fault: 'CONTROL_CHARACTER' },
    ]);
  });

  it('rewrites clean strings in place and leaves the rest', () => {
    const body = { name: 'E\u0301lodie', list: ['e\u0301'], n: 1, nil: null };
    expect(
      findTextFaults(body, { controlCharacters: true, rewrite: (v) => v.normalize('NFC') }),
    ).toEqual([]);
    expect(body).toEqual({ name: '\u00C9lodie', list: ['\u00E9'], n: 1, nil: null });
  });

  it('walks a very deep value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const [fault] = findTextFaults(deep, { controlCharacters: true });
    expect(fault.fault).toBe('NUL');
  });
});

describe('printable', () => {
  it('spells out the characters it would refuse, so an error can quote a field name safely', () => {
    expect(printable('address.x\u0000\ud800\u0007é😀')).toBe('address.x\\u0000\\ud800\\u0007é😀');
  });
});
