import { chooseLogFormat } from './log-format';

describe('chooseLogFormat', () => {
  it('is readable when a developer runs the service in a terminal', () => {
    expect(chooseLogFormat(undefined, 'development', true)).toBe('pretty');
  });

  it.each([
    ['production in a terminal', 'production', true],
    ['development piped to a file or a collector', 'development', false],
    ['development without a stdout', 'development', undefined],
    ['tests', 'test', true],
  ] as const)('stays JSON for %s', (_case, nodeEnv, tty) => {
    expect(chooseLogFormat(undefined, nodeEnv, tty)).toBe('json');
  });

  it('follows LOG_FORMAT whatever the environment', () => {
    expect(chooseLogFormat('json', 'development', true)).toBe('json');
    expect(chooseLogFormat('pretty', 'production', false)).toBe('pretty');
  });
});
