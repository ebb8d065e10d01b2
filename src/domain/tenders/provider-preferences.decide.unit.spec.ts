import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  hidden,
  hide,
  LATER,
  meta,
  NOW,
  preferencesSet,
  PROJECT_ID,
  PROVIDER_ID,
  setPreferences,
  showAgain,
  shownAgain,
  unsubscribe,
  unsubscribed,
} from './provider-preferences.fixtures.spec';
import { tenderPreferencesDecider } from './index';

const spec = DeciderSpecification.for(tenderPreferencesDecider);

describe('Tender preferences: a provider who never saved any', () => {
  it('saves categories, words, a minimum budget and the digest', () => {
    spec.given([]).when(setPreferences()).then([preferencesSet()]);
  });

  it('keeps categories in the catalogue’s order, each once, and words normalised, each once', () => {
    spec
      .given([])
      .when(
        setPreferences({
          categories: ['design', 'web-development', 'design'],
          words: ['  WordPress ', 'Boutique   en ligne', 'wordpress'],
        }),
      )
      .then([preferencesSet()]);
  });

  it('takes empty lists and a null budget as “every project”', () => {
    spec
      .given([])
      .when(setPreferences({ categories: [], words: [], minBudgetCents: null, digest: false }))
      .then([preferencesSet({ categories: [], words: [], minBudgetCents: null, digest: false })]);
  });

  it.each([
    ['an unknown category', { categories: ['plumbing'] }, 'TENDER_PREFERENCES_UNKNOWN_CATEGORY'],
    [
      'categories that are no list',
      { categories: 'design' },
      'TENDER_PREFERENCES_INVALID_CATEGORIES',
    ],
    [
      'eleven words',
      { words: Array.from({ length: 11 }, (_, i) => `mot${i}`) },
      'TENDER_PREFERENCES_TOO_MANY_WORDS',
    ],
    ['a one-letter word', { words: ['a'] }, 'TENDER_PREFERENCES_INVALID_WORD'],
    ['a 41-character word', { words: ['x'.repeat(41)] }, 'TENDER_PREFERENCES_INVALID_WORD'],
    ['a word with a control character', { words: ['ab\u0007'] }, 'TENDER_PREFERENCES_INVALID_WORD'],
    ['a negative budget', { minBudgetCents: -1 }, 'TENDER_PREFERENCES_INVALID_MIN_BUDGET'],
    [
      'a budget in euros with cents',
      { minBudgetCents: 10.5 },
      'TENDER_PREFERENCES_INVALID_MIN_BUDGET',
    ],
    ['a digest that is no boolean', { digest: 'yes' }, 'TENDER_PREFERENCES_INVALID_DIGEST'],
  ])('refuses %s', (_what, data, code) => {
    spec.given([]).when(setPreferences(data)).thenThrows(code);
  });

  it('accepts 10 words of 2 and 40 characters', () => {
    const words = [...Array.from({ length: 9 }, (_, i) => `m${i}`), 'x'.repeat(40)];
    spec
      .given([])
      .when(setPreferences({ words }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ words }));
  });

  it.each([
    ['a client', meta('client')],
    ['staff', meta('admin')],
    ['another provider', meta('provider', 'provider-2')],
  ])('refuses %s (403 TENDER_PREFERENCES_PROVIDER_ONLY)', (_who, m) => {
    spec.given([]).when(setPreferences({}, m)).thenThrows('TENDER_PREFERENCES_PROVIDER_ONLY');
  });

  it('has no digest to unsubscribe from: nothing is recorded', () => {
    spec.given([]).when(unsubscribe()).then([]);
  });

  it('hides an existing project', () => {
    spec.given([]).when(hide()).then([hidden()]);
  });

  it('hides a project that left the open list too', () => {
    spec.given([]).when(hide(PROJECT_ID, 'withdrawn')).then([hidden()]);
  });

  it('cannot hide a project that does not exist (404 PROJECT_NOT_FOUND)', () => {
    spec
      .given([])
      .when(hide(PROJECT_ID, 'none'))
      .thenThrows('PROJECT_NOT_FOUND', { projectId: PROJECT_ID });
    spec.given([]).when(hide(PROJECT_ID, 'missing')).thenThrows('PROJECT_NOT_FOUND');
  });

  it('cannot hide a project for another provider', () => {
    spec
      .given([])
      .when(hide(PROJECT_ID, 'open', meta('provider', 'provider-2')))
      .thenThrows('TENDER_PREFERENCES_PROVIDER_ONLY');
  });
});

describe('Tender preferences: saved, digest on', () => {
  const given = () => spec.given([preferencesSet()]);

  it('records nothing when the same preferences are saved again', () => {
    given()
      .when(setPreferences({ words: ['WordPress', 'boutique en ligne'] }))
      .then([]);
  });

  it('records the change when anything differs', () => {
    given()
      .when(setPreferences({ minBudgetCents: 50_000 }, meta('provider', PROVIDER_ID, LATER)))
      .then([preferencesSet({ minBudgetCents: 50_000, setAt: LATER })]);
  });

  it('unsubscribes by the link', () => {
    given()
      .when(unsubscribe('link'))
      .then([unsubscribed('link')]);
  });

  it('keeps the preferences but stops the digest once unsubscribed', () => {
    expect(spec.given([preferencesSet(), unsubscribed()]).state()).toMatchObject({
      status: 'set',
      preferences: { categories: ['web-development', 'design'], digest: false },
      unsubscribedAt: LATER,
    });
  });
});

describe('Tender preferences: unsubscribed', () => {
  const given = () => spec.given([preferencesSet(), unsubscribed()]);

  it('unsubscribing again records nothing (the link is idempotent)', () => {
    given().when(unsubscribe()).then([]);
  });

  it('subscribes again by saving preferences with the digest on', () => {
    given()
      .when(setPreferences({}, meta('provider', PROVIDER_ID, LATER)))
      .then([preferencesSet({ setAt: LATER })]);
  });
});

describe('Tender preferences: a hidden project', () => {
  const given = () => spec.given([hidden()]);

  it('hiding it twice records nothing', () => {
    given().when(hide()).then([]);
  });

  it('shows it again', () => {
    given().when(showAgain()).then([shownAgain()]);
  });

  it('stays hidden when preferences are saved', () => {
    expect(spec.given([hidden(), preferencesSet()]).state()).toMatchObject({
      status: 'set',
      hidden: [{ projectId: PROJECT_ID, hiddenAt: NOW }],
    });
  });

  it('showing a project that is not hidden records nothing', () => {
    spec.given([hidden(), shownAgain()]).when(showAgain()).then([]);
    spec.given([]).when(showAgain()).then([]);
  });

  it('cannot show again a project that does not exist', () => {
    spec.given([]).when(showAgain('project-x', 'none')).thenThrows('PROJECT_NOT_FOUND');
  });

  it('lists the hidden projects in the order they were hidden', () => {
    expect(
      spec.given([hidden('p1'), hidden('p2'), hidden('p3'), shownAgain('p2')]).state(),
    ).toMatchObject({
      status: 'defaults',
      hidden: [
        { projectId: 'p1', hiddenAt: NOW },
        { projectId: 'p3', hiddenAt: NOW },
      ],
    });
  });
});
