/**
 * Characters a text value may not carry. Postgres refuses NUL in `text` and `jsonb` and lone
 * surrogates in `jsonb`; other control characters (tab, newline and carriage return aside) are
 * storable but never meant as user text, so the HTTP boundary refuses them too.
 */
export type TextFault = 'NUL' | 'LONE_SURROGATE' | 'CONTROL_CHARACTER';

export const TEXT_FAULT_MESSAGES: Record<TextFault, string> = {
  NUL: 'contains a NUL character (U+0000)',
  LONE_SURROGATE: 'contains a lone UTF-16 surrogate (not a Unicode character)',
  CONTROL_CHARACTER:
    'contains a control character (only tab, newline and carriage return are allowed)',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Unicode category Cc without U+0000 (reported apart), tab, newline and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_CHARACTER = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What is wrong with a string, or null; `controlCharacters: false` checks only what Postgres refuses. */
export function textFault(
  value: string,
  options: { controlCharacters: boolean },
): TextFault | null {
  if (value.includes('\u0000')) return 'NUL';
  if (LONE_SURROGATE.test(value)) return 'LONE_SURROGATE';
  if (options.controlCharacters && CONTROL_CHARACTER.test(value)) return 'CONTROL_CHARACTER';
  return null;
}

const REFUSED_ANYWHERE = new RegExp(
  `\\u0000|${CONTROL_CHARACTER.source}|${LONE_SURROGATE.source}`,
  'g',
);

/** Spells refused characters out as `\uXXXX`, so an error can quote a field name and still be stored. */
export function printable(value: string): string {
  return value.replace(
    REFUSED_ANYWHERE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface TextFaultAt {
  /** Dotted path of the value (`address.city`, `fileRefs.0`); an object key is reported at its own path. */
  field: string;
  fault: TextFault;
}

/**
 * Walks every string value and object key of a JSON-like value (iteratively, so a deeply nested
 * body cannot overflow the stack) and reports each fault; `rewrite`, when given, replaces each
 * clean string value in place.
 */
export function findTextFaults(
  root: unknown,
  options: {
    controlCharacters: boolean;
    rootPath?: string;
    rewrite?: (value: string, key: string) => string;
    limit?: number;
  },
): TextFaultAt[] {
  const faults: TextFaultAt[] = [];
  const limit = options.limit ?? 20;
  const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);
  const rootPath = options.rootPath ?? '';
  if (typeof root === 'string') {
    const fault = textFault(root, options);
    return fault ? [{ field: rootPath, fault }] : [];
  }
  const stack: { value: unknown; path: string }[] = [{ value: root, path: rootPath }];
  while (stack.length > 0 && faults.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    const container = value as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const child = container[key];
      const childPath = join(path, key);
      if (!Array.isArray(container)) {
        const keyFault = textFault(key, options);
        if (keyFault) {
          faults.push({ field: printable(childPath), fault: keyFault });
          continue;
        }
      }
      if (typeof child === 'string') {
        const fault = textFault(child, options);
        if (fault) faults.push({ field: childPath, fault });
        else if (options.rewrite) container[key] = options.rewrite(child, key);
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return faults
    .slice(0, limit)
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
