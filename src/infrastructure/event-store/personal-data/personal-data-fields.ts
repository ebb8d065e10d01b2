import { MISSIONS_PERSONAL_FIELDS } from '../../../domain/missions';
import { PAYOUTS_PERSONAL_FIELDS } from '../../../domain/payouts';
import { CERTIFICATION_PERSONAL_FIELDS } from '../../../domain/tenders/certification.personal-data';

/**
 * Personal fields an event type keeps inside its ordinary data rather than under `data.personal`
 * (its shape predates the rule or is shared with the deciders). Before the append they are moved
 * into `data.personal` under their dotted path and encrypted with the others; reads put them back.
 */
export interface PersonalFieldsRule {
  /**
   * The `data` field naming the person whose key protects the fields. When it names nobody (a
   * cancellation by the system has no actor) the fields are nobody's personal data and stay in clear.
   */
  readonly owner: string;
  /** Dotted paths inside `data`; a field that is absent (a PayPal account has no IBAN) is skipped. */
  readonly paths: readonly string[];
}

export type PersonalFieldRules = Readonly<Record<string, PersonalFieldsRule>>;

/** Every context's declarations; a context adds its own here. */
export const PERSONAL_FIELD_RULES: PersonalFieldRules = {
  ...PAYOUTS_PERSONAL_FIELDS,
  ...MISSIONS_PERSONAL_FIELDS,
  ...CERTIFICATION_PERSONAL_FIELDS,
};

type Json = Record<string, unknown>;

function plainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How a top-level declared field (`details`, `text`) is keyed once moved: a plain name under
 * `data.personal` would read as the `data.personal` convention and never be put back.
 */
const TOP_LEVEL = '$.';

const movedKey = (path: string): string => (path.includes('.') ? path : `${TOP_LEVEL}${path}`);
const pathOf = (key: string): string =>
  key.startsWith(TOP_LEVEL) ? key.slice(TOP_LEVEL.length) : key;

/**
 * Copies `data` and moves each present path's value into the returned `moved`, keyed by its path
 * (`$.`-prefixed for a top-level field).
 */
export function takePersonalFields(
  data: Json,
  paths: readonly string[],
): { data: Json; moved: Json } {
  const copy = structuredClone(data);
  const moved: Json = {};
  for (const path of paths) {
    const keys = path.split('.');
    let parent: unknown = copy;
    for (const key of keys.slice(0, -1)) parent = plainObject(parent) ? parent[key] : undefined;
    const last = keys[keys.length - 1];
    if (!plainObject(parent) || !Object.hasOwn(parent, last) || parent[last] === undefined)
      continue;
    moved[movedKey(path)] = parent[last];
    delete parent[last];
  }
  return { data: copy, moved };
}

/**
 * Puts every dotted (or `$.`-prefixed) key of `personal` back at its path in `data`; plain field names (the
 * `data.personal` convention) stay under `personal`, which is dropped when nothing is left.
 */
export function restorePersonalFields(data: Json, personal: Json): Json {
  const paths = Object.keys(personal).filter((key) => key.includes('.'));
  if (paths.length === 0) return { ...data, personal };
  const { personal: _sealed, ...others } = data;
  const copy = structuredClone(others);
  const rest: Json = {};
  for (const [key, value] of Object.entries(personal)) {
    if (!key.includes('.')) {
      rest[key] = value;
      continue;
    }
    const keys = pathOf(key).split('.');
    let parent = copy;
    for (const k of keys.slice(0, -1)) {
      if (!plainObject(parent[k])) parent[k] = {};
      parent = parent[k] as Json;
    }
    parent[keys[keys.length - 1]] = value;
  }
  if (Object.keys(rest).length > 0) copy.personal = rest;
  return copy;
}

/** The owner named by a rule's `owner` field, when it is a non-empty string. */
export function ownerOf(data: Json, rule: PersonalFieldsRule | undefined): string | undefined {
  const owner = rule ? data[rule.owner] : undefined;
  return typeof owner === 'string' && owner !== '' ? owner : undefined;
}
