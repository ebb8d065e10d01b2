/** One project as the digest e-mail lists it. */
export interface DigestProject {
  projectId: string;
  title: string;
  category: string;
  categoryLabel: string;
  budgetMinCents: number;
  budgetMaxCents: number;
  postedAt: string;
}

export interface DigestRecipient {
  providerId: string;
  /** How many open, matching, not hidden projects the window has. */
  total: number;
  /** The first of them (at most the page's `maxProjects`), oldest first. */
  projects: DigestProject[];
}

/** The digest's read model, as the daily job reads it (the `tender_digest` projection). */
export abstract class TenderDigestReader {
  /**
   * Providers with the digest on and at least one project posted in `(from, to]`, still open,
   * matching their preferences and not hidden; by provider id, after `after`.
   */
  abstract recipients(
    window: { from: string; to: string },
    page: { after: string | null; limit: number; maxProjects: number },
  ): Promise<DigestRecipient[]>;

  /** True while the read model has not applied an event that happened before `before`. */
  abstract behind(before: string): Promise<boolean>;
}
