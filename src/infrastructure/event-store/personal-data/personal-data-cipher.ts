import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * How any context marks personal data in an event: put every personal field under
 * `data.personal` (a plain object) and name the person in `metadata.personalDataOwner`
 * (identity events may rely on `data.accountId` instead). Nothing else is encrypted.
 */
export const PERSONAL_DATA_OWNER_METADATA = 'personalDataOwner';
/** What every personal field reads as once its owner's key is destroyed. */
export const ERASED_PLACEHOLDER = '[erased]';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/** What `data.personal` holds in the log: ciphertext plus the names of the fields it hides. */
export interface PersonalDataEnvelope {
  $encrypted: typeof ALGORITHM;
  v: 1;
  owner: string;
  fields: string[];
  iv: string;
  tag: string;
  ct: string;
}

export function isEnvelope(value: unknown): value is PersonalDataEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $encrypted?: unknown }).$encrypted === ALGORITHM
  );
}

function seal(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** Wraps a data key with the master key; the owner id is authenticated so keys cannot be swapped between rows. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, ownerId: string): Buffer {
  const { iv, tag, ct } = seal(masterKey, dataKey, `key|${ownerId}`);
  return Buffer.concat([iv, tag, ct]);
}

export function unwrapKey(masterKey: Buffer, wrapped: Buffer, ownerId: string): Buffer {
  const iv = wrapped.subarray(0, IV_BYTES);
  const tag = wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  return open(masterKey, iv, tag, wrapped.subarray(IV_BYTES + TAG_BYTES), `key|${ownerId}`);
}

/** The event id is authenticated too, so a ciphertext copied into another event does not decrypt. */
export function encryptPersonal(
  key: Buffer,
  ownerId: string,
  eventId: string,
  personal: Record<string, unknown>,
): PersonalDataEnvelope {
  const { iv, tag, ct } = seal(
    key,
    Buffer.from(JSON.stringify(personal), 'utf8'),
    `${ownerId}|${eventId}`,
  );
  return {
    $encrypted: ALGORITHM,
    v: 1,
    owner: ownerId,
    fields: Object.keys(personal),
    iv: iv.toString('base64'),
    tag: tag.toString('base64'),
    ct: ct.toString('base64'),
  };
}

export function decryptPersonal(
  key: Buffer,
  envelope: PersonalDataEnvelope,
  eventId: string,
): Record<string, unknown> {
  const plain = open(
    key,
    Buffer.from(envelope.iv, 'base64'),
    Buffer.from(envelope.tag, 'base64'),
    Buffer.from(envelope.ct, 'base64'),
    `${envelope.owner}|${eventId}`,
  );
  return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
}

export function erasedPersonal(fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, ERASED_PLACEHOLDER]));
}
