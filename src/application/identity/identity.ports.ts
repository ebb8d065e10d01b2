import type { Role } from '../../domain/identity';

/** Ports of the identity context; adapters live in src/infrastructure/identity. */

export abstract class PasswordHasher {
  /** An argon2id PHC string. */
  abstract hash(plain: string): Promise<string>;
  abstract verify(hash: string, plain: string): Promise<boolean>;
}

/** Uniqueness of e-mails (by keyed hash only) and of provider references. */
export abstract class AccountDirectory {
  /** False when another account already holds the address. */
  abstract claimEmail(email: string, accountId: string): Promise<boolean>;
  abstract accountIdByEmail(email: string): Promise<string | null>;
  abstract releaseEmail(accountId: string): Promise<void>;
  /** Reserves a fresh unique reference for the account, or returns the one it already has. */
  abstract claimProviderReference(accountId: string): Promise<string>;
  abstract releaseProviderReference(accountId: string): Promise<void>;
  abstract accountIdByProviderReference(reference: string): Promise<string | null>;
}

export interface IssuedSession {
  sessionId: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export type RotationFailure =
  'REFRESH_TOKEN_INVALID' | 'REFRESH_TOKEN_EXPIRED' | 'REFRESH_TOKEN_REUSED' | 'SESSION_REVOKED';

export type RotationResult =
  | ({ ok: true; accountId: string } & IssuedSession)
  | { ok: false; reason: RotationFailure; sessionId?: string };

/** Sessions (refresh-token families); only token hashes are stored. */
export abstract class SessionStore {
  abstract open(accountId: string, now: Date): Promise<IssuedSession>;
  /** Spends a refresh token and issues its successor; a spent token presented again revokes the family. */
  abstract rotate(refreshToken: string, now: Date): Promise<RotationResult>;
  /** Issues a new refresh token for a live session and spends the ones outstanding. */
  abstract reissue(sessionId: string, accountId: string, now: Date): Promise<IssuedSession | null>;
  abstract revoke(sessionId: string, reason: string, now: Date): Promise<void>;
  /** Every live session of the account, but `except` (the caller's own, when it stays logged in). */
  abstract revokeAll(accountId: string, reason: string, now: Date, except?: string): Promise<void>;
}

export interface ThrottleState {
  failures: readonly string[];
  lockedUntil: string | null;
  lockouts?: number;
  attempts?: readonly { id: string; at: string }[];
}

/** What a `LoginThrottleStore.update` change answers: the state to store (null: store nothing) and a result. */
export interface ThrottleChange<T> {
  next: ThrottleState | null;
  result: T;
}

/** Login-throttle state per key: (login, address), login from untrusted clients, or trusted device. */
export abstract class LoginThrottleStore {
  abstract get(key: string): Promise<ThrottleState | null>;
  /**
   * Stores `change(state)` only if no one else wrote the key since it was read, else reads and
   * runs `change` again, so parallel logins never both act on one count; `change` must be pure.
   */
  abstract update<T>(
    key: string,
    ttlSeconds: number,
    change: (state: ThrottleState | null) => ThrottleChange<T>,
  ): Promise<T>;
}

/** Device tokens a successful login handed out (by hash), each naming the login it trusts. */
export abstract class TrustedDevices {
  abstract remember(tokenHash: string, loginHash: string, ttlSeconds: number): Promise<void>;
  abstract loginOf(tokenHash: string): Promise<string | null>;
  abstract forget(tokenHash: string): Promise<void>;
}

export interface AccessTokenRequest {
  accountId: string;
  roles: Role[];
  activeRole: Role;
  sessionId: string;
}

/** Signs access tokens; implemented over the HTTP layer's `AccessTokens`. */
export abstract class AccessTokenIssuer {
  abstract issue(
    request: AccessTokenRequest,
  ): Promise<{ accessToken: string; expiresInSeconds: number }>;
}

/** Crypto-shredding from the application's side: destroy a person's data key. */
export abstract class PersonalDataKeys {
  abstract destroy(ownerId: string): Promise<void>;
}

/** Answers kept for `Idempotency-Key` replays hold what a person sent (names, bank details). */
export abstract class StoredAnswers {
  abstract forgetAccount(accountId: string): Promise<void>;
}

export interface ClosureDue {
  accountId: string;
  effectiveAt: string;
  status: 'pending' | 'closed';
}

/** Closures awaiting their effective date and the verification review queue (fed by the reactor). */
export abstract class IdentitySchedules {
  abstract recordClosure(
    accountId: string,
    revision: bigint,
    change: { requestedAt: string; effectiveAt: string } | 'withdrawn' | 'closed' | 'erased',
  ): Promise<void>;
  abstract dueClosures(now: Date, limit: number): Promise<ClosureDue[]>;
  abstract recordDocument(row: VerificationQueueRow, revision: bigint): Promise<void>;
  abstract queue(filter: {
    status?: string;
    providerId?: string;
    limit: number;
  }): Promise<VerificationQueueRow[]>;
}

export interface VerificationQueueRow {
  documentId: string;
  providerId: string;
  kind: string;
  uploadRef: string;
  status: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  expiresAt: string | null;
  rejectionReason: string | null;
}
