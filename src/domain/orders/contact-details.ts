/**
 * Contact details in an order message (seed: exchanges stay on the platform). Detected once, when
 * the message is posted; the event keeps the spans so every reader masks the same characters.
 *
 * What counts, and nothing else:
 * - `email`: an address such as `jean.dupont@mail.fr`;
 * - `phone`: a French number, national (`06 12 34 56 78`, `0612345678`, with spaces, dots or
 *   dashes) or international (`+33 6 12 34 56 78`, `+33 (0)6…`, `0033 6…`);
 * - `payment_handle`: a PayPal, Lydia or Revolut link (`paypal.me/jdupont`, `revolut.me/jdupont`,
 *   `lydia.me/…`, `lydia-app.com/…`), one of those services' names followed by `:` or `=` and a
 *   handle (`paypal: jean@mail.fr`, `lydia = 0612…`) or by an `@handle` (`revolut @jdupont`),
 *   and an IBAN (`FR76 3000 6000 0112 3456 7890 189`).
 */
export type ContactDetailKind = 'email' | 'phone' | 'payment_handle';

/** A detected part of the message text: `text.slice(start, end)`, in UTF-16 code units. */
export interface ContactDetailSpan {
  kind: ContactDetailKind;
  start: number;
  end: number;
}

/** What the other party reads in place of each detected part. */
export const CONTACT_DETAILS_MASK = '[masqué]';

/** The reason a message is masked, as the API names it. */
export const CONTACT_DETAILS_REASON = 'CONTACT_DETAILS';

/** The notice shown to the sender of a masked message (the platform's users read French). */
export const CONTACT_DETAILS_NOTICE =
  "Votre message contient des coordonnées (e-mail, téléphone ou moyen de paiement) : elles ont été masquées pour l'autre partie. Les échanges entre acheteur et vendeur se font uniquement via la plateforme ; ne communiquez aucune information personnelle.";

const SERVICES = '(?:paypal|lydia|revolut)';

const PATTERNS: ReadonlyArray<{
  kind: ContactDetailKind;
  pattern: RegExp;
  accept?: (value: string) => boolean;
}> = [
  {
    kind: 'email',
    // Starting only where a run of address characters starts keeps long texts linear.
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    kind: 'phone',
    // Ten digits starting with 0 (or +33/0033 and nine digits) in pairs; no digit may touch it.
    pattern:
      /(?<![\w+])(?:(?:\+|00)\s?33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\d])/g,
  },
  {
    kind: 'payment_handle',
    pattern: /(?:https?:\/\/)?(?:www\.|pay\.)?(?:paypal|revolut|lydia)\.me\/[\w./~%-]+/gi,
  },
  { kind: 'payment_handle', pattern: /(?:https?:\/\/)?(?:www\.)?lydia-app\.com\/[\w./?=&%-]+/gi },
  {
    kind: 'payment_handle',
    pattern: new RegExp(`\\b${SERVICES}\\s*(?:[:=]\\s*[^\\s,;]+|@[\\w.-]+)`, 'gi'),
  },
  {
    kind: 'payment_handle',
    // Country code, two check digits, then 11 to 30 letters or digits, optionally in groups of four.
    pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi,
    accept: looksLikeIban,
  },
];

const IBAN_MIN_LENGTH = 15;

/** Every contact detail in `text`, in order, overlapping matches merged into one span. */
export function detectContactDetails(text: string): ContactDetailSpan[] {
  const found: ContactDetailSpan[] = [];
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      // A handle or link ends before the sentence's punctuation.
      const value = match[0].replace(/[.,;:!?)]+$/, '');
      if (value.length === 0 || (accept && !accept(value))) continue;
      found.push({ kind, start: match.index, end: match.index + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: ContactDetailSpan[] = [];
  for (const span of found) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** An IBAN has digits beyond its check digits and at least 15 characters (Norway's length). */
function looksLikeIban(value: string): boolean {
  const compact = value.replace(/ /g, '');
  return compact.length >= IBAN_MIN_LENGTH && /\d/.test(compact.slice(4));
}

/** `text` with each span replaced by the mask; spans that do not fit the text are ignored. */
export function maskContactDetails(text: string, spans: readonly ContactDetailSpan[]): string {
  let out = '';
  let cursor = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < cursor || end > text.length || end <= start) continue;
    out += text.slice(cursor, start) + CONTACT_DETAILS_MASK;
    cursor = end;
  }
  return out + text.slice(cursor);
}
