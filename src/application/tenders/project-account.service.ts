import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowEvent } from '../../domain/escrow';
import { CommandMeta, DomainError } from '../../domain/shared';
import {
  accountOverfunded,
  accountFrozen,
  assertMayFund,
  assertMayRelease,
  cardOnly,
  foldAccount,
  initialState as initialProjectState,
  evolve as evolveProject,
  isAccountParty,
  ProjectAccount,
  ProjectEvent,
  projectNotFound,
  ProjectState,
  projectStream,
} from '../../domain/tenders';
import { EscrowCommandMessage, escrowStream } from '../escrow/escrow.messages';
import { Notifications } from '../notifications/notifications.port';
import {
  isDeferredPaymentMethod,
  PAYMENT_GATEWAY,
  PaymentGateway,
} from '../payments/payment-gateway.port';
import { CausationContext } from '../shared/command-handling';
import { deterministicIdsIn, eventIdsFrom } from '../shared/deterministic-id';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { readStreamOrEmpty } from './project-account.contract';
import { projectEscrowId } from './tender-ids';

const id = deterministicIdsIn('tenders-account');
const DAY_MS = 86_400_000;
/** Beyond the card-authorisation window, so the gateway charges at once and the money stays held. */
const CHARGE_NOW_DAYS = 30;

/** Deterministic ids of the account's movements: a retried request finds the same ones. */
export const accountIds = {
  releaseOf: (trancheId: string) => id('tranche-release', trancheId),
  /**
   * The charge of a tranche, on the account as it stood when it was asked for (its escrow's
   * length): a retry after a crash finds the same charge, while a retry after a charge refused by
   * the escrow and given back (the account moved meanwhile) is charged anew, never recorded on the
   * refunded payment the gateway would replay under the same key.
   */
  fundingKey: (trancheId: string, escrowLength: number) =>
    `tender-account-fund-${trancheId}-${escrowLength}`,
  fundedMail: (trancheId: string) => `tenders.r0_funded:${trancheId}`,
};

export interface AccountSnapshot {
  projectId: string;
  escrowId: string;
  project: ProjectState;
  account: ProjectAccount;
  /** Whether the escrow was opened (its first tranche funded). */
  opened: boolean;
  /** How many events the escrow's stream holds. */
  escrowLength: number;
}

/**
 * The R0 account of a signed project (docs/tenders-r0.md): a tranche is charged to the client's
 * card through the payment gateway, then recorded on the project's escrow (opened with its first
 * tranche, commission 0, capped at the agreed amount); the provider is e-mailed for each funding.
 * The client releases a tranche on receipt of its deliverable. Ids and gateway keys derive from
 * the tranche id (itself from the request's Idempotency-Key), so a retry never charges twice.
 */
@Injectable()
export class ProjectAccountService {
  private readonly logger = new Logger('ProjectAccount');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commandBus: CommandBus,
    private readonly notifications: Notifications,
  ) {}

  /** The project and its account as the streams hold them now; an outsider gets 404. */
  async snapshot(projectId: string, accountId: string | null): Promise<AccountSnapshot> {
    const escrowId = projectEscrowId(projectId);
    const [projectEvents, escrowEvents] = await Promise.all([
      readStreamOrEmpty(this.store, projectStream(projectId)),
      readStreamOrEmpty(this.store, escrowStream(escrowId)),
    ]);
    const project = projectEvents.reduce(
      (s, e) => evolveProject(s, { type: e.type, data: e.data } as ProjectEvent),
      initialProjectState(),
    );
    if (project.status === 'none' || (accountId !== null && !isAccountParty(project, accountId)))
      throw projectNotFound(projectId);
    const account = foldAccount(
      escrowEvents.map((e) => ({
        event: { type: e.type, data: e.data } as EscrowEvent,
        at: e.recordedAt.toISOString(),
      })),
    );
    return {
      projectId,
      escrowId,
      project,
      account,
      opened: escrowEvents.length > 0,
      escrowLength: escrowEvents.length,
    };
  }

  async fund(
    input: {
      projectId: string;
      trancheId: string;
      amountCents: number;
      label: string;
      paymentMethodId: string;
    },
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<AccountSnapshot> {
    const { projectId, trancheId, amountCents, label, paymentMethodId } = input;
    const before = await this.snapshot(projectId, meta.actorId);
    if (before.project.brief?.clientId !== meta.actorId) throw projectNotFound(projectId);
    // A retried request (same Idempotency-Key): the tranche recorded then, never a second charge.
    if (before.account.tranches.some((t) => t.trancheId === trancheId)) {
      if (before.project.providerId)
        await this.tellProvider(before, trancheId, before.project.providerId);
      return before;
    }
    // Every rule is checked before the card is charged: signed, R0, not frozen, within the amount.
    const parties = assertMayFund(before.project, before.account, amountCents);
    if (isDeferredPaymentMethod(paymentMethodId)) throw cardOnly(paymentMethodId);
    const fundingKey = accountIds.fundingKey(trancheId, before.escrowLength);
    const payment = await this.gateway.fundEscrow({
      escrowId: before.escrowId,
      amountCents,
      payerId: parties.clientId,
      paymentMethod: paymentMethodId,
      dueAt: new Date(Date.parse(meta.now) + CHARGE_NOW_DAYS * DAY_MS).toISOString(),
      idempotencyKey: fundingKey,
    });
    const common = {
      trancheId,
      amountCents,
      paymentRef: payment.paymentRef,
      label,
      maxFundedCents: parties.agreedCents,
    };
    try {
      await this.commandBus.execute(
        new EscrowCommandMessage(
          before.escrowId,
          before.opened
            ? { type: 'FundEscrow', data: common, meta }
            : {
                type: 'OpenEscrow',
                data: {
                  ...common,
                  escrowId: before.escrowId,
                  subject: { kind: 'project', id: projectId },
                  payerId: parties.clientId,
                  payeeId: parties.providerId,
                  commissionRateBp: 0,
                },
                meta,
              },
          causation,
          { eventIds: eventIdsFrom(trancheId, 'tranche-funded') },
        ),
      );
    } catch (error) {
      // Refused after the charge (a concurrent tranche took the room, a dispute froze it): give it back.
      if (error instanceof DomainError) {
        await this.gateway.refund({
          escrowId: before.escrowId,
          paymentRef: payment.paymentRef,
          amountCents,
          idempotencyKey: `${fundingKey}-refused`,
        });
        throw this.asAccountError(error, parties.agreedCents, amountCents);
      }
      throw error;
    }
    const after = await this.snapshot(projectId, null);
    await this.tellProvider(after, trancheId, parties.providerId);
    return after;
  }

  async release(
    projectId: string,
    trancheId: string,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<AccountSnapshot> {
    const before = await this.snapshot(projectId, meta.actorId);
    if (before.project.brief?.clientId !== meta.actorId) throw projectNotFound(projectId);
    const releaseId = accountIds.releaseOf(trancheId);
    const tranche = before.account.tranches.find((t) => t.trancheId === trancheId);
    // A repeat of a release already recorded answers the account as it is.
    if (tranche?.status === 'released' && tranche.releasedCents === tranche.amountCents)
      return before;
    const due = assertMayRelease(before.account, trancheId);
    try {
      await this.commandBus.execute(
        new EscrowCommandMessage(
          before.escrowId,
          {
            type: 'ReleaseEscrow',
            data: {
              releaseId,
              amountCents: due.amountCents,
              reason: 'tranche_released',
              trancheId,
            },
            meta,
          },
          causation,
          { eventIds: eventIdsFrom(releaseId, 'tranche-released') },
        ),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ORDER_FROZEN')
        throw accountFrozen(String(error.details.disputeId));
      throw error;
    }
    return this.snapshot(projectId, null);
  }

  /** The escrow's refusals, in the account's words. */
  private asAccountError(error: DomainError, agreedCents: number, amountCents: number) {
    if (error.code === 'ORDER_FROZEN') return accountFrozen(String(error.details.disputeId));
    if (error.code === 'ESCROW_FUNDING_CAP_EXCEEDED')
      return accountOverfunded(agreedCents, Number(error.details.fundedCents), amountCents);
    return error;
  }

  /** "Le prestataire en est tenu informé par email": once per tranche, whatever the retries. */
  private async tellProvider(snapshot: AccountSnapshot, trancheId: string, providerId: string) {
    const tranche = snapshot.account.tranches.find((t) => t.trancheId === trancheId);
    if (!tranche) return;
    const agreedCents = snapshot.project.terms?.amountCents ?? 0;
    try {
      await this.notifications.send({
        to: { accountId: providerId },
        template: 'tenders.r0_funded',
        data: {
          projectId: snapshot.projectId,
          projectTitle: snapshot.project.brief?.title ?? '',
          trancheId,
          trancheLabel: tranche.label,
          amountCents: tranche.amountCents,
          fundedCents: snapshot.account.fundedCents,
          heldCents: snapshot.account.heldCents,
          agreedCents,
          unfundedCents: Math.max(agreedCents - snapshot.account.fundedCents, 0),
        },
        idempotencyKey: accountIds.fundedMail(trancheId),
      });
    } catch (error) {
      // The tranche is funded whatever the mail does; the outbox keeps failed sends for staff.
      this.logger.warn(`R0 funding e-mail for tranche ${trancheId} not sent: ${String(error)}`);
    }
  }
}
