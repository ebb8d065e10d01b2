import { Pool } from 'pg';
import { availableMinutes, type ExistingHourPack } from '../../domain/plans';

/** What the client reads of one pack (`GET /me/hour-packs[/{packId}]`). */
export interface HourPackView {
  packId: string;
  planId: string;
  planVersion: number;
  planName: string;
  serviceTypeId: string;
  status: 'active' | 'expired' | 'withdrawn';
  priceTtcCents: number;
  minutes: number;
  reservedMinutes: number;
  consumedMinutes: number;
  refundedMinutes: number;
  availableMinutes: number;
  consumedCents: number;
  refundedCents: number;
  purchasedAt: string;
  expiresAt: string;
  expiredAt: string | null;
  missions: { missionId: string; minutes: number; use: string; valueCents: number }[];
}

export function hourPackView(pack: ExistingHourPack): HourPackView {
  return {
    packId: pack.packId,
    planId: pack.planId,
    planVersion: pack.planVersion,
    planName: pack.planName,
    serviceTypeId: pack.serviceTypeId,
    status: pack.status,
    priceTtcCents: pack.priceTtcCents,
    minutes: pack.minutes,
    reservedMinutes: pack.reservedMinutes,
    consumedMinutes: pack.consumedMinutes,
    refundedMinutes: pack.refundedMinutes,
    availableMinutes: availableMinutes(pack),
    consumedCents: pack.consumedCents,
    refundedCents: pack.refundedCents,
    purchasedAt: pack.purchasedAt,
    expiresAt: pack.expiresAt,
    expiredAt: pack.expiredAt,
    missions: pack.missions.map((m) => ({
      missionId: m.missionId,
      minutes: m.minutes,
      use: m.use,
      valueCents: m.valueCents,
    })),
  };
}

export const HOUR_PACK_PAGE_MAX = 100;

/** The client's packs, newest first. */
export async function clientHourPacks(
  pool: Pool,
  clientId: string,
  options: { status?: string; limit: number },
): Promise<{ items: HourPackView[] }> {
  const params: unknown[] = [clientId, Math.min(options.limit, HOUR_PACK_PAGE_MAX)];
  let filter = 'client_id = $1';
  if (options.status) {
    params.push(options.status);
    filter += ' AND status = $3';
  }
  const { rows } = await pool.query(
    `SELECT state FROM rm_hour_packs WHERE ${filter} ORDER BY purchased_at DESC, pack_id LIMIT $2`,
    params,
  );
  return { items: rows.map((r: { state: ExistingHourPack }) => hourPackView(r.state)) };
}
