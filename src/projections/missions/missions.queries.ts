import { Pool } from 'pg';
import type { Address } from '../../domain/identity';
import { MISSION_STATUS_LABELS } from '../../domain/missions';
import type { Appreciation, ExistingMission, MissionStatus } from '../../domain/missions';
import { int, iso, PartyView, partyView } from '../shared/query-helpers';

/** Seed 002's scale, negative values for a dissatisfied client. */
export const APPRECIATION_LABELS: Readonly<Record<Appreciation, string>> = {
  [-2]: 'Très insatisfait',
  [-1]: 'Insatisfait',
  1: 'Satisfait',
  2: 'Très satisfait',
};

/** An intervention reaches the history this long after it ended (seed 002 "24 h après une intervention"). */
export const HISTORY_DELAY_MS = 24 * 60 * 60 * 1000;

/** The statuses of a mission a provider took: it is on the agenda, then in the history. */
const ENGAGED = `('confirmed', 'disputed', 'validated', 'resolved')`;

export interface MissionViewer {
  accountId: string;
  staff: boolean;
}

export interface Page {
  limit: number;
  offset: number;
}

export const interventionSheetUrl = (missionId: string): string =>
  `/missions/${missionId}/intervention-sheet`;

const labelOf = (status: string): string =>
  MISSION_STATUS_LABELS[status as MissionStatus] ?? status;

const PARTY_COLUMNS = `
  c.display_name AS c_name, c.provider_reference AS c_ref, c.erased AS c_erased,
  p.display_name AS p_name, p.provider_reference AS p_ref, p.erased AS p_erased`;

/** The provider the client area names: the confirmed one, or the one a direct request was sent to. */
const SHOWN_PROVIDER = `coalesce(m.provider_id, CASE WHEN m.state->>'targeting' = 'direct' THEN m.state->'candidates'->0->>'providerId' END)`;

const MISSION_SELECT = `
  SELECT m.*, ${SHOWN_PROVIDER} AS shown_provider_id, ${PARTY_COLUMNS}
    FROM rm_mission_views m
    LEFT JOIN rm_missions_parties c ON c.account_id = m.client_id
    LEFT JOIN rm_missions_parties p ON p.account_id = ${SHOWN_PROVIDER}`;

type Row = Record<string, any>;

const MISSION_COUNT = 'SELECT count(*)::int AS n FROM rm_mission_views m';
const CANDIDATE_COUNT = `${MISSION_COUNT} JOIN rm_mission_candidates k ON k.mission_id = m.mission_id`;

const clientOf = (r: Row): PartyView => partyView(r.client_id, r.c_name, r.c_ref, r.c_erased);
const providerOf = (r: Row): PartyView | null =>
  r.shown_provider_id ? partyView(r.shown_provider_id, r.p_name, r.p_ref, r.p_erased) : null;

function feedbackOf(mission: ExistingMission) {
  const appreciation =
    'appreciation' in mission && mission.appreciation
      ? {
          value: mission.appreciation.value,
          label: APPRECIATION_LABELS[mission.appreciation.value],
          comment: mission.appreciation.comment,
          appreciatedAt: mission.appreciation.appreciatedAt,
        }
      : null;
  const recommendation =
    'recommendation' in mission && mission.recommendation
      ? { text: mission.recommendation.text, recommendedAt: mission.recommendation.recommendedAt }
      : null;
  return { appreciation, recommendation };
}

const hours = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
};

/** `7500` -> `75,00 €`. */
export const euros = (cents: number): string =>
  `${Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

/** One line of a client-area table (seed 002: service, date and time, provider, price, sheet). */
export interface MissionListItem {
  missionId: string;
  status: string;
  statusLabel: string;
  serviceTypeLabel: string;
  startsAt: string;
  durationMinutes: number;
  endsAt: string;
  city: string;
  postalCode: string;
  client: PartyView;
  provider: PartyView | null;
  priceCents: number;
  interventionSheetUrl: string;
}

export interface MissionHistoryItem extends MissionListItem {
  /** "Une synthèse des services effectués", as one line. */
  summary: string;
  validatedAt: string | null;
  appreciation: { value: number; label: string; comment: string; appreciatedAt: string } | null;
  recommendation: { text: string; recommendedAt: string } | null;
}

function listItem(r: Row, priceCents?: number): MissionListItem {
  const m = r.state as ExistingMission;
  return {
    missionId: r.mission_id,
    status: r.status,
    statusLabel: labelOf(r.status),
    serviceTypeLabel: r.service_type_label,
    startsAt: iso(r.starts_at)!,
    durationMinutes: m.terms.durationMinutes,
    endsAt: iso(r.ends_at)!,
    city: m.place.city,
    postalCode: m.place.postalCode,
    client: clientOf(r),
    provider: providerOf(r),
    priceCents: priceCents ?? int(r.price_cents),
    interventionSheetUrl: interventionSheetUrl(r.mission_id),
  };
}

function historyItem(r: Row): MissionHistoryItem {
  const m = r.state as ExistingMission;
  const item = listItem(r);
  return {
    ...item,
    summary: `${item.serviceTypeLabel} — ${hours(item.durationMinutes)} — ${euros(item.priceCents)} — ${item.statusLabel}`,
    validatedAt: m.status === 'validated' ? m.validatedAt : null,
    ...feedbackOf(m),
  };
}

async function page<T>(
  pool: Pool,
  where: string,
  order: string,
  params: unknown[],
  options: Page,
  map: (r: Row) => T,
  from = MISSION_SELECT,
  count = MISSION_COUNT,
) {
  const n = params.length;
  const [items, total] = await Promise.all([
    pool.query(`${from} WHERE ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...params,
      options.limit,
      options.offset,
    ]),
    pool.query(`${count} WHERE ${where}`, params),
  ]);
  return {
    items: items.rows.map(map),
    total: total.rows[0].n as number,
    limit: options.limit,
    offset: options.offset,
  };
}

const historyCutoff = (now: Date): Date => new Date(now.getTime() - HISTORY_DELAY_MS);

/** "Demandes en attente de réponse": the client's requests no provider accepted yet. */
export function clientPending(pool: Pool, clientId: string, options: Page) {
  return page(
    pool,
    `m.client_id = $1 AND m.status = 'pending'`,
    'm.starts_at, m.mission_id',
    [clientId],
    options,
    (r) => listItem(r),
  );
}

/** "Vos prochains rendez-vous": accepted requests until their intervention reaches the history. */
export function clientUpcoming(pool: Pool, clientId: string, options: Page & { now: Date }) {
  return page(
    pool,
    `m.client_id = $1 AND m.status IN ${ENGAGED} AND m.ends_at > $2`,
    'm.starts_at, m.mission_id',
    [clientId, historyCutoff(options.now)],
    options,
    (r) => listItem(r),
  );
}

/** "Historique": interventions that ended at least 24 h ago, newest first. */
export function clientHistory(pool: Pool, clientId: string, options: Page & { now: Date }) {
  return page(
    pool,
    `m.client_id = $1 AND m.status IN ${ENGAGED} AND m.ends_at <= $2`,
    'm.ends_at DESC, m.mission_id',
    [clientId, historyCutoff(options.now)],
    options,
    historyItem,
  );
}

const CANDIDATE_SELECT = `
  SELECT m.*, k.price_cents AS candidate_price_cents, k.rank AS candidate_rank,
         ${SHOWN_PROVIDER} AS shown_provider_id, ${PARTY_COLUMNS}
    FROM rm_mission_views m
    JOIN rm_mission_candidates k ON k.mission_id = m.mission_id
    LEFT JOIN rm_missions_parties c ON c.account_id = m.client_id
    LEFT JOIN rm_missions_parties p ON p.account_id = ${SHOWN_PROVIDER}`;

/** Requests to answer: pending, sent to this provider, not refused by them; each at the provider's own price. */
export function providerRequests(pool: Pool, providerId: string, options: Page) {
  return page(
    pool,
    `k.provider_id = $1 AND k.current AND NOT k.refused AND m.status = 'pending'`,
    'm.starts_at, m.mission_id',
    [providerId],
    options,
    (r) => ({ ...listItem(r, int(r.candidate_price_cents)), rank: int(r.candidate_rank) }),
    CANDIDATE_SELECT,
    CANDIDATE_COUNT,
  );
}

export function providerAgenda(pool: Pool, providerId: string, options: Page & { now: Date }) {
  return page(
    pool,
    `m.provider_id = $1 AND m.status IN ${ENGAGED} AND m.ends_at > $2`,
    'm.starts_at, m.mission_id',
    [providerId, historyCutoff(options.now)],
    options,
    (r) => listItem(r),
  );
}

export function providerHistory(pool: Pool, providerId: string, options: Page & { now: Date }) {
  return page(
    pool,
    `m.provider_id = $1 AND m.status IN ${ENGAGED} AND m.ends_at <= $2`,
    'm.ends_at DESC, m.mission_id',
    [providerId, historyCutoff(options.now)],
    options,
    historyItem,
  );
}

/** Staff: every mission, by status and by the date of the intervention. */
export function staffMissions(
  pool: Pool,
  options: Page & { status?: string; from?: Date; to?: Date },
) {
  const params: unknown[] = [];
  const where: string[] = ['true'];
  if (options.status) {
    params.push(options.status);
    where.push(`m.status = $${params.length}`);
  }
  if (options.from) {
    params.push(options.from);
    where.push(`m.starts_at >= $${params.length}`);
  }
  if (options.to) {
    params.push(options.to);
    where.push(`m.starts_at < $${params.length}`);
  }
  return page(pool, where.join(' AND '), 'm.starts_at DESC, m.mission_id', params, options, (r) =>
    listItem(r),
  );
}

/**
 * Who may read a mission: its client, its confirmed provider, a candidate who has not refused while
 * it is pending, and staff. Anyone else learns nothing (the caller answers 404).
 */
async function visibleRow(
  pool: Pool,
  missionId: string,
  viewer: MissionViewer,
): Promise<Row | null> {
  const { rows } = await pool.query(`${MISSION_SELECT} WHERE m.mission_id = $1`, [missionId]);
  const r = rows[0];
  if (!r) return null;
  if (viewer.staff || r.client_id === viewer.accountId || r.provider_id === viewer.accountId)
    return r;
  if (r.status !== 'pending') return null;
  const candidate = await pool.query(
    `SELECT 1 FROM rm_mission_candidates
      WHERE mission_id = $1 AND provider_id = $2 AND current AND NOT refused`,
    [missionId, viewer.accountId],
  );
  const party = candidate.rows.length > 0;
  return party ? r : null;
}

export interface MissionPartyDetails {
  accountId: string;
  displayName: string | null;
  providerReference: string | null;
  address: Address | null;
}

async function partyDetails(
  pool: Pool,
  accountId: string | null,
): Promise<MissionPartyDetails | null> {
  if (!accountId) return null;
  const { rows } = await pool.query(
    'SELECT display_name, provider_reference, address, erased FROM rm_missions_parties WHERE account_id = $1',
    [accountId],
  );
  const p = rows[0];
  return {
    accountId,
    displayName: p && !p.erased ? (p.display_name ?? null) : null,
    providerReference: p?.provider_reference ?? null,
    address: p && !p.erased ? ((p.address as Address | null) ?? null) : null,
  };
}

/** GET /missions/{missionId}: the mission as the client area and the provider's agenda show it. */
export async function missionView(pool: Pool, missionId: string, viewer: MissionViewer) {
  const r = await visibleRow(pool, missionId, viewer);
  if (!r) return null;
  const m = r.state as ExistingMission;
  const provider = 'provider' in m ? m.provider : null;
  const proposal = 'proposal' in m ? m.proposal : null;
  const seesCandidates = viewer.staff || r.client_id === viewer.accountId;
  const refused = new Set(m.refusals.map((x) => x.providerId));
  return {
    missionId: m.missionId,
    revision: String(r.rev),
    status: m.status,
    statusLabel: labelOf(m.status),
    serviceTypeId: m.serviceTypeId,
    serviceTypeLabel: m.serviceTypeLabel,
    targeting: m.targeting,
    startsAt: m.terms.startsAt,
    durationMinutes: m.terms.durationMinutes,
    endsAt: iso(r.ends_at)!,
    details: r.client_erased ? null : m.terms.details,
    place: {
      address: r.client_erased ? null : m.place.address,
      postalCode: m.place.postalCode,
      city: m.place.city,
      lat: m.place.lat,
      lng: m.place.lng,
    },
    client: clientOf(r),
    provider: providerOf(r),
    priceCents: int(r.price_cents),
    commissionCents: provider?.commissionCents ?? null,
    providerNetCents: provider?.providerNetCents ?? null,
    candidates: m.candidates
      .filter((c) => seesCandidates || c.providerId === viewer.accountId)
      .map((c) => ({
        providerId: c.providerId,
        rank: c.rank,
        priceCents: c.priceCents,
        refused: refused.has(c.providerId),
      })),
    reservation: { reservedCents: m.reservedCents, respondBy: m.respondBy },
    payment: {
      plan: m.payment.plan,
      authoriseAt: m.payment.authoriseAt,
      authorised: m.payment.authorised !== null,
      authorisedAt: m.payment.authorised?.authorisedAt ?? null,
      authorisedCents: m.payment.authorised?.amountCents ?? null,
      failedAttempts: m.payment.failedAttempts,
      lastFailure: m.payment.lastFailure,
    },
    autoValidateAt: m.autoValidateAt,
    pendingChange: proposal
      ? {
          proposalId: proposal.proposalId,
          proposedBy: proposal.proposedBy,
          startsAt: proposal.proposed.startsAt,
          durationMinutes: proposal.proposed.durationMinutes,
          details: proposal.proposed.details,
          priceCents: proposal.priceCents,
          proposedAt: proposal.proposedAt,
        }
      : null,
    ...feedbackOf(m),
    validatedAt: m.status === 'validated' ? m.validatedAt : null,
    dispute:
      m.status === 'disputed'
        ? { disputeId: m.dispute.disputeId, reportedAt: m.dispute.reportedAt }
        : null,
    cancellation:
      m.status === 'cancelled'
        ? {
            cancelledBy: m.cancellation.cancelledBy,
            actorId: m.cancellation.actorId,
            from: m.cancellation.from,
            late: m.cancellation.late,
            feeCents: m.cancellation.feeCents,
            refundCents: m.cancellation.refundCents,
            cancelledAt: m.cancellation.cancelledAt,
          }
        : null,
    requestedAt: m.requestedAt,
    interventionSheetUrl: interventionSheetUrl(m.missionId),
  };
}

/** The conversation, oldest first; the same readers as the mission. */
export async function missionMessages(
  pool: Pool,
  missionId: string,
  viewer: MissionViewer,
  options: Page,
) {
  if (!(await visibleRow(pool, missionId, viewer))) return null;
  const [items, total] = await Promise.all([
    pool.query(
      `SELECT * FROM rm_mission_messages WHERE mission_id = $1 ORDER BY rev, message_id LIMIT $2 OFFSET $3`,
      [missionId, options.limit, options.offset],
    ),
    pool.query(`SELECT count(*)::int AS n FROM rm_mission_messages WHERE mission_id = $1`, [
      missionId,
    ]),
  ]);
  return {
    items: items.rows.map((r) => ({
      messageId: r.message_id,
      authorId: r.author_id,
      text: r.text as string | null,
      fileRefs: r.file_refs as string[],
      postedAt: iso(r.posted_at)!,
    })),
    total: total.rows[0].n as number,
    limit: options.limit,
    offset: options.offset,
  };
}

/** What the intervention sheet prints (seed 002 "La fiche d'intervention"). */
export interface InterventionSheet {
  missionId: string;
  /** "Le numéro de la demande": short, printable, derived from the mission id. */
  requestNumber: string;
  status: string;
  statusLabel: string;
  serviceTypeLabel: string;
  startsAt: string;
  durationMinutes: number;
  details: string | null;
  place: { address: string | null; postalCode: string; city: string };
  priceCents: number;
  /** The client, who employs the provider for a home service. */
  employer: MissionPartyDetails;
  provider: MissionPartyDetails | null;
  issuedAt: string;
}

export const requestNumber = (missionId: string): string =>
  `M-${missionId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

export async function interventionSheet(
  pool: Pool,
  missionId: string,
  viewer: MissionViewer,
  now: Date,
): Promise<InterventionSheet | null> {
  const r = await visibleRow(pool, missionId, viewer);
  if (!r) return null;
  const m = r.state as ExistingMission;
  return {
    missionId: m.missionId,
    requestNumber: requestNumber(m.missionId),
    status: m.status,
    statusLabel: labelOf(m.status),
    serviceTypeLabel: m.serviceTypeLabel,
    startsAt: m.terms.startsAt,
    durationMinutes: m.terms.durationMinutes,
    details: r.client_erased ? null : m.terms.details,
    place: {
      address: r.client_erased ? null : m.place.address,
      postalCode: m.place.postalCode,
      city: m.place.city,
    },
    priceCents: int(r.price_cents),
    employer: (await partyDetails(pool, r.client_id))!,
    provider: await partyDetails(pool, r.shown_provider_id ?? null),
    issuedAt: now.toISOString(),
  };
}
