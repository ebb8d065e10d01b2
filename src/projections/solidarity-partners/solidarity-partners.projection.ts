import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import {
  ASSOCIATION_DOCUMENT_KINDS,
  type AssociationRegistrationDeclared,
  type DocumentKind,
} from '../../domain/identity';
import type {
  AssociationPartnershipEnded,
  AssociationPartnershipGranted,
} from '../../domain/solidarity';
import { occurredAt, Projection } from '../runner/projection';
import { isNewer } from '../runner/row-buffer';
import { SOLIDARITY_PARTNERS_TABLES } from './solidarity-partners.tables';

const DOCUMENT_EVENTS = [
  'DocumentSubmitted',
  'DocumentApproved',
  'DocumentRejected',
  'DocumentExpired',
];
const DOCUMENT_STATUS: Record<string, string> = {
  DocumentSubmitted: 'submitted',
  DocumentApproved: 'approved',
  DocumentRejected: 'rejected',
  DocumentExpired: 'expired',
};

type Documents = Record<string, { kind: string; status: string }>;

const isAssociationKind = (kind: unknown): kind is DocumentKind =>
  (ASSOCIATION_DOCUMENT_KINDS as readonly unknown[]).includes(kind);

/** Verified: registration declared and each required association kind has an approved document. */
export function associationVerified(registered: boolean, documents: Documents): boolean {
  if (!registered) return false;
  const approved = Object.values(documents).filter((d) => d.status === 'approved');
  return ASSOCIATION_DOCUMENT_KINDS.every((kind) => approved.some((d) => d.kind === kind));
}

interface Row {
  association_id: string;
  verification_rev: string | null;
  partnership_rev: string | null;
  registered: boolean;
  documents: Documents;
}

/**
 * The solidarity partners read model (issue 18): association accounts with their verification
 * summary (folded from the identity context's verification events of association kinds) and their
 * partnerships of the solidarity pot. Low volume: plain SQL per event, each guarded by its
 * stream's revision, so a redelivered event changes nothing.
 */
export class SolidarityPartnersProjection implements Projection {
  readonly name = 'solidarity_partners';
  readonly version = 1;
  readonly handles = [
    'AssociationRegistrationDeclared',
    ...DOCUMENT_EVENTS,
    'AssociationPartnershipGranted',
    'AssociationPartnershipEnded',
  ];
  readonly tables = SOLIDARITY_PARTNERS_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const at = occurredAt(event);
    const rev = event.revision.toString();
    if (DOCUMENT_EVENTS.includes(event.type)) {
      const d = event.data as { providerId: string; documentId: string; kind: unknown };
      if (!isAssociationKind(d.kind)) return;
      const row = await this.row(tx, d.providerId, at);
      if (!isNewer(event.revision, row.verification_rev)) return;
      const documents = {
        ...row.documents,
        [d.documentId]: { kind: d.kind, status: DOCUMENT_STATUS[event.type] },
      };
      await tx.query(
        `UPDATE solidarity_associations SET verification_rev = $2, documents = $3::jsonb,
           verified = $4, updated_at = $5 WHERE association_id = $1`,
        [
          d.providerId,
          rev,
          JSON.stringify(documents),
          associationVerified(row.registered, documents),
          at,
        ],
      );
      return;
    }
    switch (event.type) {
      case 'AssociationRegistrationDeclared': {
        const d = event.data as AssociationRegistrationDeclared['data'];
        const row = await this.row(tx, d.accountId, at);
        if (!isNewer(event.revision, row.verification_rev)) return;
        await tx.query(
          `UPDATE solidarity_associations SET verification_rev = $2, official_name = $3,
             rna_number = $4, siren = $5, address = $6::jsonb, purpose = $7, registered = true,
             verified = $8, updated_at = $9 WHERE association_id = $1`,
          [
            d.accountId,
            rev,
            d.officialName,
            d.rnaNumber,
            d.siren ?? null,
            JSON.stringify(d.address),
            d.purpose,
            associationVerified(true, row.documents),
            at,
          ],
        );
        return;
      }
      case 'AssociationPartnershipGranted': {
        const d = event.data as AssociationPartnershipGranted['data'];
        const row = await this.row(tx, d.associationId, at);
        if (!isNewer(event.revision, row.partnership_rev)) return;
        await tx.query(
          `UPDATE solidarity_associations SET partnership_rev = $2, partner = true,
             partner_name = $3, partner_since = $4, partner_ended_at = NULL, updated_at = $5
           WHERE association_id = $1`,
          [d.associationId, rev, d.name, d.grantedAt, at],
        );
        await tx.query(
          `INSERT INTO solidarity_partnership_periods (association_id, granted_at, name)
           VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [d.associationId, d.grantedAt, d.name],
        );
        return;
      }
      case 'AssociationPartnershipEnded': {
        const d = event.data as AssociationPartnershipEnded['data'];
        const row = await this.row(tx, d.associationId, at);
        if (!isNewer(event.revision, row.partnership_rev)) return;
        await tx.query(
          `UPDATE solidarity_associations SET partnership_rev = $2, partner = false,
             partner_ended_at = $3, updated_at = $4 WHERE association_id = $1`,
          [d.associationId, rev, d.endedAt, at],
        );
        await tx.query(
          `UPDATE solidarity_partnership_periods SET ended_at = $2
           WHERE association_id = $1 AND ended_at IS NULL`,
          [d.associationId, d.endedAt],
        );
        return;
      }
      default:
        return;
    }
  }

  /** The association's row, created empty when the first event about it arrives. */
  private async row(tx: PoolClient, associationId: string, at: string): Promise<Row> {
    await tx.query(
      `INSERT INTO solidarity_associations (association_id, updated_at) VALUES ($1, $2)
       ON CONFLICT (association_id) DO NOTHING`,
      [associationId, at],
    );
    const { rows } = await tx.query<Row>(
      `SELECT association_id, verification_rev, partnership_rev, registered, documents
       FROM solidarity_associations WHERE association_id = $1`,
      [associationId],
    );
    return rows[0];
  }
}
