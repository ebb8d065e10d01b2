import { IdentityLookups1732381000000 } from './1732381000000-identity-lookups';
import { IdentitySessions1732381001000 } from './1732381001000-identity-sessions';
import { PersonalDataKeys1732381002000 } from './1732381002000-personal-data-keys';
import { NotificationOutbox1732381003000 } from './1732381003000-notification-outbox';
import { IdentitySchedules1732381004000 } from './1732381004000-identity-schedules';
import { NotificationOutboxScrubSecrets1732386312000 } from './1732386312000-notification-outbox-scrub-secrets';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  IdentityLookups1732381000000,
  IdentitySessions1732381001000,
  PersonalDataKeys1732381002000,
  NotificationOutbox1732381003000,
  IdentitySchedules1732381004000,
  NotificationOutboxScrubSecrets1732386312000,
];
