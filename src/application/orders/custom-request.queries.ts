import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CUSTOM_REQUEST_STATUS_LABELS,
  CustomRequestStatus,
  CustomRequestSubmitted,
  Invitation,
  customRequestDecider,
} from '../../domain/orders';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { customRequestStream } from './custom-request.messages';
import { Viewer } from './order.queries';

export interface CustomRequestView {
  customRequestId: string;
  buyerId: string;
  status: CustomRequestStatus;
  statusLabel: string;
  title: string;
  description: string;
  category: string;
  proposedPriceCents: number;
  deadline: CustomRequestSubmitted['data']['deadline'];
  submittedAt: string;
  /** The buyer and staff see every invitation; an invited seller sees only their own. */
  invitations: ({ sellerId: string } & Invitation)[];
  orderId: string | null;
  revision: string;
}

export class GetCustomRequestQuery extends Query<CustomRequestView | null> {
  constructor(
    readonly customRequestId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

@QueryHandler(GetCustomRequestQuery)
export class GetCustomRequestHandler implements IQueryHandler<
  GetCustomRequestQuery,
  CustomRequestView | null
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    customRequestId,
    viewer,
  }: GetCustomRequestQuery): Promise<CustomRequestView | null> {
    const { state, events, revision } = await loadAggregate(
      this.store,
      customRequestStream(customRequestId),
      customRequestDecider,
    );
    if (state.status === 'none') return null;
    const seesAll = viewer.staff || viewer.accountId === state.request.buyerId;
    if (!seesAll && !Object.hasOwn(state.invitations, viewer.accountId)) return null;
    const submitted = events.find((e) => e.type === 'CustomRequestSubmitted')!
      .data as CustomRequestSubmitted['data'];
    const invitations = Object.entries(state.invitations)
      .filter(([sellerId]) => seesAll || sellerId === viewer.accountId)
      .map(([sellerId, invitation]) => ({ sellerId, ...invitation }));
    return {
      customRequestId,
      buyerId: state.request.buyerId,
      status: state.status,
      statusLabel: CUSTOM_REQUEST_STATUS_LABELS[state.status],
      title: submitted.title,
      description: submitted.description,
      category: submitted.category,
      proposedPriceCents: submitted.proposedPriceCents,
      deadline: submitted.deadline,
      submittedAt: submitted.submittedAt,
      invitations,
      orderId: state.status === 'converted' ? state.orderId : null,
      revision: String(revision),
    };
  }
}
