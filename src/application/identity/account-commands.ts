import { accountDecider, AccountCommand, AccountState } from '../../domain/identity';
import { CommandMeta } from '../../domain/shared';
import {
  CausationContext,
  CommandBuilder,
  handleCommand,
  HandleResult,
  loadAggregate,
} from '../shared/command-handling';
import { EventStore } from '../shared/event-store.port';
import { accountStream } from './account.messages';
import type { AccountEvent } from '../../domain/identity';

export type AccountResult = HandleResult<AccountState, AccountEvent>;

/**
 * Runs an account command inside this context through the shared handler; the notifications an
 * event causes derive their idempotency keys from the result's `eventIds`.
 */
export function runAccountCommand(
  store: EventStore,
  accountId: string,
  command: AccountCommand | CommandBuilder<AccountState, AccountCommand>,
  causation: CausationContext,
  expectedRevision?: bigint,
): Promise<AccountResult> {
  return handleCommand(store, accountStream(accountId), accountDecider, command, causation, {
    expectedRevision,
  });
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
