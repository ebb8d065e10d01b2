import { notificationInvalid, systemOnly } from './gateway-log.errors';

export function assertSystem(actorRole: string): void {
  if (actorRole !== 'system') throw systemOnly();
}

export function assertText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw notificationInvalid(field, value);
}
