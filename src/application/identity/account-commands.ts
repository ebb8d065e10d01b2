import { randomUUID } from 'node:crypto';
import { accountDecider, AccountCommand, AccountState } from '../../domain/identity';
import { CommandMeta } from '../../domain/shared';
import {
  CausationContext,
  handleCommand,
  HandleResult,
  loadAggregate,
} from '../shared/command-handling';
import { EventStore } from '../shared/event-store.port';
import { accountStream } from './account.messages';
import type { AccountEvent } from '../../domain/identity';

export type AccountResult = HandleResult<AccountState, AccountEvent> & { eventIds: string[] };

/**
 * Runs an account command inside this context; the event ids are chosen here so that the
 * notifications an event causes can derive their idempotency keys from them.
 */
export async function runAccountCommand(
  store: EventStore,
  accountId: string,
  command: AccountCommand | ((state: AccountState) => AccountCommand),
  causation: CausationContext,
  expectedRevision?: bigint,
): Promise<AccountResult> {
  const eventIds: string[] = [];
  const result = await handleCommand(
    store,
    accountStream(accountId),
    accountDecider,
    command,
    causation,
    {
      expectedRevision,
      eventIds: (i) => (eventIds[i] ??= randomUUID()),
    },
  );
  return { ...result, eventIds: eventIds.slice(0, result.events.length) };
}

export async function loadAccount(store: EventStore, accountId: string) {
  return loadAggregate(store, accountStream(accountId), accountDecider);
}

/** The holder acting on their own account, under their active role. */
export function selfMeta(state: AccountState, accountId: string, now: Date): CommandMeta {
  const actorRole = 'activeRole' in state ? state.activeRole : 'client';
  return { now: now.toISOString(), actorId: accountId, actorRole };
}

export function systemMeta(now: Date): CommandMeta {
  return { now: now.toISOString(), actorId: 'system', actorRole: 'system' };
}

export const revisionOf = (revision: bigint | null): string | null =>
  revision === null ? null : revision.toString();
