/** Postgres `bigint` arrives as a string; amounts stay exact integers well below 2^53. */
export function int(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Not a safe integer: ${String(value)}`);
  return n;
}

export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export interface PartyView {
  accountId: string;
  displayName: string | null;
  providerReference: string | null;
  /** Erased under the GDPR: the name is gone for good. */
  erased: boolean;
}

export function partyView(
  accountId: string,
  name: unknown,
  reference: unknown,
  erased: unknown,
): PartyView {
  return {
    accountId,
    displayName: typeof name === 'string' ? name : null,
    providerReference: typeof reference === 'string' ? reference : null,
    erased: erased === true,
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
