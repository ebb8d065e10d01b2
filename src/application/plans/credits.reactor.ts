import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CREDIT_KINDS,
  subscriptionStream,
  type CreditsCommand,
  type SubscriptionPeriodTerms,
  type SubscriptionStarted,
} from '../../domain/plans';
import type { CausationContext } from '../shared/command-handling';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  StreamNotFoundError,
} from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { creditSteps, periodGrantId } from './credit-ids';
import { CreditsCommandMessage } from './credits.messages';

/** The subscription and identity facts the credit ledger follows. */
export const CREDITS_REACTOR_TRIGGERS = [
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
  'SubscriptionSuspended',
  'AccountClosed',
] as const;
type Trigger = (typeof CREDITS_REACTOR_TRIGGERS)[number];

/** What the ledger does for one event (pure, unit-tested). */
export type CreditsStep =
  | {
      kind: 'grant';
      accountId: string;
      subscriptionId: string;
      period: number;
      credits: SubscriptionPeriodTerms['credits'];
    }
  | { kind: 'freeze'; accountId: string; subscriptionId: string }
  | { kind: 'forfeit'; accountId: string };

const grants = (credits: SubscriptionPeriodTerms['credits']): boolean =>
  CREDIT_KINDS.some((k) => (Number(credits?.[k]) || 0) > 0);

/**
 * A period start grants its allowance (and, a renewal or a reinstatement, ends the freeze of the
 * same subscription: the grant command does both, one append); a suspension freezes the credits (a `credits` plan's only: `planKind` is
 * read from the subscription's start); an account closure forfeits what is left.
 */
export function creditsSteps(
  event: { type: string; data: unknown },
  planKind?: string,
): CreditsStep[] {
  switch (event.type as Trigger) {
    case 'SubscriptionStarted':
    case 'SubscriptionRenewed':
    case 'SubscriptionReinstated': {
      const d = event.data as SubscriptionPeriodTerms & {
        subscriptionId: string;
        accountId: string;
      };
      // A new subscription has nothing frozen: without credits there is nothing to do. A later
      // period start always goes to the ledger, since it also ends the subscription's freeze.
      if (event.type === 'SubscriptionStarted' && !grants(d.credits)) return [];
      return [
        {
          kind: 'grant',
          accountId: d.accountId,
          subscriptionId: d.subscriptionId,
          period: d.period,
          credits: d.credits,
        },
      ];
    }
    case 'SubscriptionSuspended': {
      const d = event.data as { subscriptionId: string; accountId: string };
      return planKind === 'credits'
        ? [{ kind: 'freeze', accountId: d.accountId, subscriptionId: d.subscriptionId }]
        : [];
    }
    case 'AccountClosed':
      return [{ kind: 'forfeit', accountId: (event.data as { accountId: string }).accountId }];
    default:
      return [];
  }
}

/**
 * `plans.credits`: the credit ledger's process manager (docs/plans-credits.md). Idempotent: each
 * grant id and event id derives from the causing event, so a redelivery changes nothing.
 */
@Injectable()
export class CreditsReactor implements Reactor {
  readonly name = 'plans.credits';
  readonly filter = {
    categories: ['subscription', 'account'],
    eventTypePrefixes: [...CREDITS_REACTOR_TRIGGERS],
  };

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (!(CREDITS_REACTOR_TRIGGERS as readonly string[]).includes(event.type)) return;
    const planKind =
      event.type === 'SubscriptionSuspended'
        ? await this.planKindOf((event.data as { subscriptionId: string }).subscriptionId)
        : undefined;
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const meta = { now, actorId: 'system', actorRole: 'system' as const };
    for (const step of creditsSteps(event, planKind)) {
      const command: CreditsCommand =
        step.kind === 'grant'
          ? {
              type: 'GrantCredits',
              data: {
                accountId: step.accountId,
                grantId: periodGrantId(event.id),
                credits: { ...step.credits },
                source: 'subscription',
                subscriptionId: step.subscriptionId,
                period: step.period,
                reason: null,
              },
              meta,
            }
          : step.kind === 'forfeit'
            ? { type: 'ForfeitCredits', data: { accountId: step.accountId }, meta }
            : {
                type: 'FreezeCredits',
                data: { accountId: step.accountId, subscriptionId: step.subscriptionId },
                meta,
              };
      await this.commandBus.execute(
        new CreditsCommandMessage(step.accountId, command, causation, {
          eventIds: creditSteps.events(event.id, step.kind),
        }),
      );
    }
  }

  /** The plan kind the subscription started on (its first event). */
  private async planKindOf(subscriptionId: string): Promise<string | undefined> {
    try {
      const [first] = await this.store.readStream(subscriptionStream(subscriptionId), {
        maxCount: 1,
      });
      return first?.type === 'SubscriptionStarted'
        ? (first.data as SubscriptionStarted['data']).planKind
        : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
