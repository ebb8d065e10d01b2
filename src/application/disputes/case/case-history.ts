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
import { missionStream } from '../../missions/mission.messages';
import { orderStream } from '../../orders/order.messages';
import { disputeStream } from '../dispute.messages';
import { describeMissionEvent } from './case-describe-mission';
import { describeProjectEvent } from './case-describe-project';
import {
  DisputeStreamRead,
  readKnownDisputes,
  readOrderDisputes,
  readProjectDisputes,
} from './case-streams';
import { readProjectCase } from '../../tenders/project-account.contract';
import {
  CASE_STREAM_CACHE_OPTIONS,
  CaseStreamCache,
  CaseStreamCacheOptions,
  DEFAULT_CASE_STREAM_CACHE,
} from './case-stream-cache';
import { CaseState, rebuildCaseState } from './case-state';
import { emptyMissionView, foldMissionView } from './mission.view';
import { emptyOrderView, foldOrderView } from './order.view';

export { rebuildCaseState } from './case-state';
export type { CaseState, DisputeSnapshot } from './case-state';

/** Who asks: the account and the roles its token grants. */
export interface CaseViewer {
  accountId: string;
  roles: readonly string[];
}

/** Mediation staff see everything; parties and finance auditors never see internal notes. */
export type CaseAccess = 'staff' | 'party' | 'auditor';

/** On a mission's case the buyer slot is the `client` and the seller slot the `provider`. */
export type CaseRole =
  | 'buyer'
  | 'seller'
  | 'client'
  | 'provider'
  | 'mediator'
  | 'admin'
  | 'finance'
  | 'system'
  | 'other';

export interface TimelineEntry {
  /** 1-based rank in the viewer's timeline. */
  seq: number;
  /** `<commit>:<prepare>`; pass it back as `at` to rebuild the case just after this event. */
  position: string;
  time: string;
  recordedAt: string;
  stream: 'order' | 'mission' | 'project' | 'escrow' | 'dispute';
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
  /** What the case is about: an order, a mission ("Signaler un problème") or a tender project (SMA). */
  subject: { kind: 'order' | 'mission' | 'project'; id: string };
  /** The order; null for a mission's case. */
  orderId: string | null;
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

/** The disputed subject of a case, with its parties in the dispute's slots. */
interface CaseSubject {
  kind: 'order' | 'mission' | 'project';
  id: string;
  status: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  events: RecordedEvent[];
  disputes: DisputeStreamRead[];
}

type Parties = Pick<CaseSubject, 'kind' | 'status' | 'buyerId' | 'sellerId'>;

export function caseAccess(viewer: CaseViewer, subject: Parties): CaseAccess | null {
  if (subject.status === 'none') return null;
  if (viewer.roles.some((r) => MEDIATION_STAFF.includes(r))) return 'staff';
  if (
    viewer.accountId === subject.buyerId ||
    (subject.sellerId !== '' && viewer.accountId === subject.sellerId)
  )
    return 'party';
  if (viewer.roles.includes('finance')) return 'auditor';
  return null;
}

const caseNotFound = (orderId: string) =>
  new NotFoundError('CASE_NOT_FOUND', 'No such case, or it is not yours to see', { orderId });

const ROLE_WORDS: Record<CaseRole, string> = {
  buyer: 'Buyer',
  seller: 'Seller',
  client: 'Client',
  provider: 'Provider',
  mediator: 'Mediator',
  admin: 'Admin',
  finance: 'Finance',
  system: 'System',
  other: 'Someone',
};

function caseRoleOf(
  subject: Parties,
  actorId: string | null,
  recordedRole: string | null,
): CaseRole {
  // Missions and tender projects name their parties client and provider.
  const mission = subject.kind === 'mission' || subject.kind === 'project';
  if (actorId !== null && actorId === subject.buyerId) return mission ? 'client' : 'buyer';
  if (actorId !== null && subject.sellerId !== '' && actorId === subject.sellerId)
    return mission ? 'provider' : 'seller';
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

  /**
   * The case of an order, of a mission, or of the subject a dispute id names; CASE_NOT_FOUND for
   * anything else or for a viewer who may not see it.
   */
  async load(id: string, viewer: CaseViewer, moment?: CaseMoment): Promise<CaseHistoryResult> {
    const subject = await this.subject(id, true);
    if (subject === null) throw caseNotFound(id);
    return this.assemble(subject, viewer, moment);
  }

  private async subject(id: string, followDispute: boolean): Promise<CaseSubject | null> {
    // Dispute ids derive from the order id, so they are probed while the order stream is read.
    const read = (stream: string) => this.streams.read(stream);
    const [orderEvents, probed] = await Promise.all([
      read(orderStream(id)),
      readOrderDisputes(read, id),
    ]);
    const order = orderEvents.reduce((v, e) => foldOrderView(v, e), emptyOrderView());
    if (order.status !== 'none') {
      return {
        kind: 'order',
        id,
        status: order.status,
        escrowId: order.escrowId,
        buyerId: order.buyerId,
        sellerId: order.sellerId,
        events: orderEvents,
        disputes: [...probed, ...(await readKnownDisputes(read, order.disputeIds, probed))],
      };
    }
    const missionEvents = await read(missionStream(id));
    const mission = missionEvents.reduce((v, e) => foldMissionView(v, e), emptyMissionView());
    if (mission.status !== 'none') {
      return {
        kind: 'mission',
        id,
        status: mission.status,
        escrowId: mission.escrowId,
        buyerId: mission.clientId,
        sellerId: mission.providerId,
        events: missionEvents,
        // Every dispute of a mission is named in its stream: the mission takes the report first.
        disputes: await readKnownDisputes(read, mission.disputeIds, []),
      };
    }
    const projectCase = await readProjectCase(read, id);
    const project = projectCase.state;
    if (project.status !== 'none' && project.brief) {
      return {
        kind: 'project',
        id,
        status: project.status,
        escrowId: projectCase.escrowId,
        buyerId: project.brief.clientId,
        sellerId: project.providerId ?? '',
        events: projectCase.events,
        disputes: await readProjectDisputes(read, id),
      };
    }
    if (!followDispute) return null;
    const opening = (await read(disputeStream(id))).find((e) => e.type === 'DisputeOpened');
    const about = (opening?.data as { subject?: { id?: unknown } } | undefined)?.subject?.id;
    return typeof about === 'string' ? this.subject(about, false) : null;
  }

  private async assemble(
    subject: CaseSubject,
    viewer: CaseViewer,
    moment?: CaseMoment,
  ): Promise<CaseHistoryResult> {
    const access = caseAccess(viewer, subject);
    if (access === null) throw caseNotFound(subject.id);
    const read = (stream: string) => this.streams.read(stream);
    const escrowEvents = subject.escrowId ? await read(escrowStream(subject.escrowId)) : [];
    const { disputes } = subject;
    const all = [...subject.events, ...escrowEvents, ...disputes.flatMap((d) => d.events)].sort(
      (a, b) => comparePositions(a.position, b.position),
    );
    const visible = access === 'staff' ? all : all.filter((e) => !isStaffOnlyDisputeEvent(e.type));
    const shown = moment ? visible.filter((e) => isAtOrBefore(e, moment)) : visible;
    const roleOf = (accountId: string) => ROLE_WORDS[caseRoleOf(subject, accountId, null)];
    const timeline = shown.map((event, index) => {
      let entry = this.entries.get(event);
      if (!entry) this.entries.set(event, (entry = this.entry(event, subject, roleOf)));
      return { seq: index + 1, ...maskedFor(viewer, access, event, entry, roleOf) };
    });
    const last = shown.length ? shown[shown.length - 1] : null;

    const result: CaseHistoryResult = {
      subject: { kind: subject.kind, id: subject.id },
      orderId: subject.kind === 'order' ? subject.id : null,
      escrowId: subject.escrowId,
      buyerId: subject.buyerId,
      sellerId: subject.sellerId,
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
    subject: Parties,
    roleOf: (id: string) => string,
  ): Omit<TimelineEntry, 'seq'> {
    const category = categoryOf(event.streamName);
    const stream =
      category === 'escrow' ||
      category === 'dispute' ||
      category === 'mission' ||
      category === 'project'
        ? category
        : 'order';
    const actorId = text(event.metadata.actorId);
    const actorRole = text(event.metadata.actorRole);
    const raw = { type: event.type, data: event.data };
    let description: string;
    if (stream === 'order') description = describeOrderEvent(raw, roleOf);
    else if (stream === 'mission') description = describeMissionEvent(raw, roleOf);
    else if (stream === 'project') description = describeProjectEvent(raw, roleOf);
    else if (stream === 'escrow') description = describeEscrowEvent(raw, subject.kind);
    else
      description = isDisputeEvent(raw)
        ? describeDisputeEvent(raw as DisputeEvent, subject.kind)
        : `Dispute event ${event.type}`;
    return {
      position: formatPosition(event.position),
      time: text(event.metadata.occurredAt) ?? event.recordedAt.toISOString(),
      recordedAt: event.recordedAt.toISOString(),
      stream,
      streamName: event.streamName,
      revision: Number(event.revision),
      type: event.type,
      actor: { id: actorId, role: actorRole, caseRole: caseRoleOf(subject, actorId, actorRole) },
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
