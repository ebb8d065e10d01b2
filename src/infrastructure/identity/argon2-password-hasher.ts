import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { PasswordHasher } from '../../application/identity/identity.ports';

/** `Algorithm.Argon2id` is a const enum, which isolated modules cannot inline. */
const ARGON2ID = 2 as Algorithm;

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum profile). */
export class Argon2PasswordHasher extends PasswordHasher {
  hash(plain: string): Promise<string> {
    return hash(plain, { algorithm: ARGON2ID });
  }

  async verify(hashed: string, plain: string): Promise<boolean> {
    try {
      return await verify(hashed, plain);
    } catch {
      // A malformed stored hash is a failed login, never a 500.
      return false;
    }
  }
}
