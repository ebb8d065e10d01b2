import { Inject, Injectable } from '@nestjs/common';
import {
  DISPUTE_REASON_LABELS,
  DISPUTE_STATUS_LABELS,
  disputeDecider,
  OpenedDisputeState,
} from '../../domain/disputes';
import { NotFoundError } from '../../domain/shared';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { CaseAccess, CaseViewer } from './case/case-history';
import { DisputeCaseResult, caseResult } from './dispute-case.result';
import { DisputeEffects } from './dispute-effects';
import { disputeStream } from './dispute.messages';

export interface DisputeView extends DisputeCaseResult {
  access: CaseAccess;
  reasonLabel: string;
  dispute: OpenedDisputeState;
}

/** One dispute as its parties and mediation staff see it; internal notes never appear in its state. */
@Injectable()
export class DisputeQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly effects: DisputeEffects,
  ) {}

  async view(disputeId: string, viewer: CaseViewer): Promise<DisputeView> {
    const { state, revision } = await loadAggregate(
      this.store,
      disputeStream(disputeId),
      disputeDecider,
    );
    const notFound = () => new NotFoundError('DISPUTE_NOT_FOUND', 'No such dispute', { disputeId });
    if (state.status === 'none') throw notFound();
    let access: CaseAccess;
    if (viewer.roles.includes('mediator') || viewer.roles.includes('admin')) access = 'staff';
    else if (viewer.accountId === state.buyerId || viewer.accountId === state.sellerId)
      access = 'party';
    else if (viewer.roles.includes('finance')) access = 'auditor';
    else throw notFound();
    const { order, mission, escrow } = await this.effects.subjectViews(state);
    return {
      ...caseResult(disputeId, state, revision, [], order, escrow, mission),
      statusLabel: DISPUTE_STATUS_LABELS[state.status],
      access,
      reasonLabel: DISPUTE_REASON_LABELS[state.reason],
      dispute: state,
    };
  }
}
