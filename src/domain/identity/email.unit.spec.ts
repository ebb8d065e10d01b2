import { isEmail, parseEmail } from './email';
import { caught } from './identity.fixtures.spec';

describe('Email', () => {
  it.each([
    ['camille.martin@example.fr', 'camille.martin@example.fr'],
    ['  Camille.Martin@Example.FR ', 'camille.martin@example.fr'],
    ["o'neil+pro@sub.example.co.uk", "o'neil+pro@sub.example.co.uk"],
    ['jo@xn--caf-dma.fr', 'jo@xn--caf-dma.fr'],
  ])('accepts %p as %p', (input, expected) => {
    expect(parseEmail(input)).toBe(expected);
  });

  it.each([
    '',
    'plainaddress',
    '@example.fr',
    'camille@',
    'camille@example',
    'camille@@example.fr',
    'camille@exa mple.fr',
    '.camille@example.fr',
    'camille.@example.fr',
    'camille..martin@example.fr',
    'camille@-example.fr',
    'camille@example.f',
    'camille@café.fr',
    `${'a'.repeat(65)}@example.fr`,
    `a@${'b'.repeat(250)}.fr`,
    42,
    null,
  ])('refuses %p with INVALID_EMAIL and does not echo it', (input) => {
    const error = caught(() => parseEmail(input));
    expect(error?.code).toBe('INVALID_EMAIL');
    expect(error?.details).toEqual({ field: 'email' });
  });

  it('tells a normalised address from one that still needs normalising', () => {
    expect(isEmail('camille@example.fr')).toBe(true);
    expect(isEmail('Camille@example.fr')).toBe(false);
    expect(isEmail('nope')).toBe(false);
  });
});
