import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  GIG_STATUS_LABELS,
  GigDetails,
  GigKind,
  GigStatus,
  gigDecider,
} from '../../domain/catalog';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { gigStream } from './gig.messages';

/** A gig as the catalog publishes it to other contexts (orders read it to place an order). */
export interface GigView {
  gigId: string;
  sellerId: string;
  kind: GigKind;
  status: GigStatus;
  statusLabel: string;
  details: GigDetails;
  /** The gig stream's revision, usable as `If-Match`. */
  revision: string;
}

/** Published contract: the current state of one gig, or null when it does not exist. */
export class GetGigQuery extends Query<GigView | null> {
  constructor(readonly gigId: string) {
    super();
  }
}

@QueryHandler(GetGigQuery)
export class GetGigHandler implements IQueryHandler<GetGigQuery, GigView | null> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ gigId }: GetGigQuery): Promise<GigView | null> {
    const { state, revision } = await loadAggregate(this.store, gigStream(gigId), gigDecider);
    if (state.status === 'none' || revision === null) return null;
    return {
      gigId: state.gigId,
      sellerId: state.sellerId,
      kind: state.kind,
      status: state.status,
      statusLabel: GIG_STATUS_LABELS[state.status],
      details: state.details,
      revision: revision.toString(),
    };
  }
}
