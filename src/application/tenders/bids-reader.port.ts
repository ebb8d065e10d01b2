import type { ProjectStatus, ReportAuthorRole, ReportMessageKind } from '../../domain/tenders';
import type { LogPosition } from '../shared/event-store.port';

export interface OfferView {
  offerId: string;
  projectId: string;
  providerId: string;
  amountCents: number;
  delayDays: number;
  message: string;
  madeAt: string;
  editedAt: string | null;
  /** When the client last opened it; `readByClient` is whether they read its current revision. */
  readAt: string | null;
  readByClient: boolean;
}

export interface ReportMessageView {
  messageId: string;
  authorId: string;
  authorRole: ReportAuthorRole;
  kind: ReportMessageKind;
  text: string;
  fileIds: string[];
  postedAt: string;
}

export interface ProviderOfferView extends OfferView {
  projectTitle: string;
  projectStatus: ProjectStatus;
  /** Whether this provider is the one the client selected. */
  selected: boolean;
}

/** The bids read model as the tenders application reads it (`tender_bids`). */
export abstract class BidsReader {
  abstract offersOf(projectId: string): Promise<OfferView[]>;
  abstract messagesOf(projectId: string): Promise<ReportMessageView[]>;
  abstract offersOfProvider(
    providerId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ProviderOfferView[]; total: number }>;
  /**
   * The authors of the project's offers once the read model has applied the event at `upTo`
   * (the selection); null while it lags behind, so the caller retries.
   */
  abstract biddersOf(projectId: string, upTo: LogPosition): Promise<string[] | null>;
}
