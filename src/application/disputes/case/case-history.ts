import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  describeDisputeEvent,
  DisputeEvent,
  isDisputeEvent,
  isStaffOnlyDisputeEvent,
} from '../../../domain/disputes';
import type { OrderMessagePosted } from '../../../domain/orders';
import { NotFoundError } from '../../../domain/shared';
import {
  categoryOf,
  comparePositions,
  EVENT_STORE,
  EventStore,
  RecordedEvent,
} from '../../shared/event-store.port';
import { CaseMoment, formatPosition, isAtOrBefore } from './case-at';
import { describeEscrowEvent, describeOrderEvent } from './case-describe';
import { escrowStream } from '../../escrow/escrow.messages';
import { messageTextFor } from '../../orders/order-message.contract';
import { orderStream } from '../../orders/order.messages';
import { readKnownDisputes, readOrderDisputes } from './case-streams';
import {
  CASE_STREAM_CACHE_OPTIONS,
  CaseStreamCache,
  CaseStreamCacheOptions,
  DEFAULT_CASE_STREAM_CACHE,
} from './case-stream-cache';
import { CaseState, rebuildCaseState } from './case-state';
import { emptyOrderView, foldOrderView, OrderView } from './order.view';

export { rebuildCaseState } from './case-state';
export type { CaseState, DisputeSnapshot } from './case-state';

/** Who asks: the account and the roles its token grants. */
export interface CaseViewer {
  accountId: string;
  roles: readonly string[];
}

/** Mediation staff see everything; parties and finance auditors never see internal notes. */
export type CaseAccess = 'staff' | 'party' | 'auditor';

export type CaseRole = 'buyer' | 'seller' | 'mediator' | 'admin' | 'finance' | 'system' | 'other';

export interface TimelineEntry {
  /** 1-based rank in the viewer's timeline. */
  seq: number;
  /** `<commit>:<prepare>`; pass it back as `at` to rebuild the case just after this event. */
  position: string;
  time: string;
  recordedAt: string;
  stream: 'order' | 'escrow' | 'dispute';
  streamName: string;
  revision: number;
  type: string;
  actor: { id: string | null; role: string | null; caseRole: CaseRole };
  description: string;
  event: {
    id: string;
    type: string;
    schemaVersion: number;
    data: unknown;
    metadata: Record<string, unknown>;
  };
}

export interface CaseHistoryResult {
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  disputeIds: string[];
  access: CaseAccess;
  /** Set when `at` was asked: the timeline then stops there and `state` is the case at that moment. */
  asOf: {
    at: string;
    kind: CaseMoment['kind'];
    lastPosition: string | null;
    lastRecordedAt: string | null;
  } | null;
  /** Events the viewer may see, in the whole case (not only up to `at`). */
  totalEvents: number;
  timeline: TimelineEntry[];
  state?: CaseState;
}

const MEDIATION_STAFF = ['mediator', 'admin'];

export function caseAccess(viewer: CaseViewer, order: OrderView): CaseAccess | null {
  if (order.status === 'none') return null;
  if (viewer.roles.some((r) => MEDIATION_STAFF.includes(r))) return 'staff';
  if (viewer.accountId === order.buyerId || viewer.accountId === order.sellerId) return 'party';
  if (viewer.roles.includes('finance')) return 'auditor';
  return null;
}

const caseNotFound = (orderId: string) =>
  new NotFoundError('CASE_NOT_FOUND', 'No such case, or it is not yours to see', { orderId });

const ROLE_WORDS: Record<CaseRole, string> = {
  buyer: 'Buyer',
  seller: 'Seller',
  mediator: 'Mediator',
  admin: 'Admin',
  finance: 'Finance',
  system: 'System',
  other: 'Someone',
};

function caseRoleOf(
  order: OrderView,
  actorId: string | null,
  recordedRole: string | null,
): CaseRole {
  if (actorId !== null && actorId === order.buyerId) return 'buyer';
  if (actorId !== null && actorId === order.sellerId) return 'seller';
  if (
    recordedRole === 'mediator' ||
    recordedRole === 'admin' ||
    recordedRole === 'finance' ||
    recordedRole === 'system'
  ) {
    return recordedRole;
  }
  return 'other';
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Mediation staff and a message's author read it as sent; anyone else reads its contact details
 * masked, in the plain-words line and in the raw event alike, as in the order's conversation.
 */
function maskedFor(
  viewer: CaseViewer,
  access: CaseAccess,
  event: RecordedEvent,
  entry: Omit<TimelineEntry, 'seq'>,
  roleOf: (id: string) => string,
): Omit<TimelineEntry, 'seq'> {
  if (event.type !== 'OrderMessagePosted') return entry;
  const data = event.data as OrderMessagePosted['data'];
  const shown = messageTextFor(data, { accountId: viewer.accountId, staff: access === 'staff' });
  if (shown === data.text) return entry;
  const masked = { ...data, text: shown };
  return {
    ...entry,
    description: describeOrderEvent({ type: event.type, data: masked }, roleOf),
    event: { ...entry.event, data: masked },
  };
}

/**
 * The case history of an order: every event of the order (its conversation included), its
 * escrow and its disputes, merged in log order. Read-only: it reads streams and folds them.
 */
@Injectable()
export class CaseHistory {
  private readonly streams: CaseStreamCache;
  /** Entries depend only on their event and the order's parties, so each is built once per cached event. */
  private readonly entries = new WeakMap<RecordedEvent, Omit<TimelineEntry, 'seq'>>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Optional()
    @Inject(CASE_STREAM_CACHE_OPTIONS)
    cache: CaseStreamCacheOptions = DEFAULT_CASE_STREAM_CACHE,
  ) {
    this.streams = new CaseStreamCache(store, cache);
  }

  async load(orderId: string, viewer: CaseViewer, moment?: CaseMoment): Promise<CaseHistoryResult> {
    // Dispute ids derive from the order id, so they are probed while the order stream is read.
    const read = (stream: string) => this.streams.read(stream);
    const [orderEvents, probed] = await Promise.all([
      read(orderStream(orderId)),
      readOrderDisputes(read, orderId),
    ]);
    const current = orderEvents.reduce((v, e) => foldOrderView(v, e), emptyOrderView());
    const access = caseAccess(viewer, current);
    if (access === null) throw caseNotFound(orderId);

    const [escrowEvents, others] = await Promise.all([
      current.escrowId ? read(escrowStream(current.escrowId)) : Promise.resolve([]),
      readKnownDisputes(read, current.disputeIds, probed),
    ]);
    const disputes = [...probed, ...others];
    const all = [...orderEvents, ...escrowEvents, ...disputes.flatMap((d) => d.events)].sort(
      (a, b) => comparePositions(a.position, b.position),
    );
    const visible = access === 'staff' ? all : all.filter((e) => !isStaffOnlyDisputeEvent(e.type));
    const shown = moment ? visible.filter((e) => isAtOrBefore(e, moment)) : visible;
    const roleOf = (accountId: string) => ROLE_WORDS[caseRoleOf(current, accountId, null)];
    const timeline = shown.map((event, index) => {
      let entry = this.entries.get(event);
      if (!entry) this.entries.set(event, (entry = this.entry(event, current, roleOf)));
      return { seq: index + 1, ...maskedFor(viewer, access, event, entry, roleOf) };
    });
    const last = shown.length ? shown[shown.length - 1] : null;

    const result: CaseHistoryResult = {
      orderId,
      escrowId: current.escrowId,
      buyerId: current.buyerId,
      sellerId: current.sellerId,
      disputeIds: disputes.map((d) => d.disputeId),
      access,
      asOf: moment
        ? {
            at: moment.at,
            kind: moment.kind,
            lastPosition: last ? formatPosition(last.position) : null,
            lastRecordedAt: last ? last.recordedAt.toISOString() : null,
          }
        : null,
      totalEvents: visible.length,
      timeline,
    };
    if (moment) {
      // The state folds every event up to the moment, notes included: they never change it.
      const upTo = all.filter((e) => isAtOrBefore(e, moment));
      result.state = rebuildCaseState(
        upTo,
        disputes.map((d) => d.disputeId),
      );
    }
    return result;
  }

  private entry(
    event: RecordedEvent,
    order: OrderView,
    roleOf: (id: string) => string,
  ): Omit<TimelineEntry, 'seq'> {
    const category = categoryOf(event.streamName);
    const stream = category === 'escrow' ? 'escrow' : category === 'dispute' ? 'dispute' : 'order';
    const actorId = text(event.metadata.actorId);
    const actorRole = text(event.metadata.actorRole);
    const raw = { type: event.type, data: event.data };
    let description: string;
    if (stream === 'order') description = describeOrderEvent(raw, roleOf);
    else if (stream === 'escrow') description = describeEscrowEvent(raw);
    else
      description = isDisputeEvent(raw)
        ? describeDisputeEvent(raw as DisputeEvent)
        : `Dispute event ${event.type}`;
    return {
      position: formatPosition(event.position),
      time: text(event.metadata.occurredAt) ?? event.recordedAt.toISOString(),
      recordedAt: event.recordedAt.toISOString(),
      stream,
      streamName: event.streamName,
      revision: Number(event.revision),
      type: event.type,
      actor: { id: actorId, role: actorRole, caseRole: caseRoleOf(order, actorId, actorRole) },
      description,
      event: {
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
      },
    };
  }
}
