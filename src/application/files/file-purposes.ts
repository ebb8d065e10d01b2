/** What an upload is for; each purpose has its size limit and the types its bytes may be. */
export const FILE_PURPOSES = [
  'deliverable',
  'message_attachment',
  'dispute_evidence',
  'gig_gallery',
  'verification_document',
  'provider_invoice',
  'project_attachment',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const MiB = 1024 * 1024;
const PDF = 'application/pdf';
const IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const ARCHIVES = ['application/zip'];

export interface PurposeRule {
  maxBytes: number;
  /** MIME types detected from the bytes (never the declared content type). */
  types: readonly string[];
  /** Holds personal data: deleted from storage when its owner's account is erased. */
  personal: boolean;
}

export const PURPOSE_RULES: Record<FilePurpose, PurposeRule> = {
  deliverable: { maxBytes: 20 * MiB, types: [PDF, ...IMAGES, ...ARCHIVES], personal: false },
  message_attachment: { maxBytes: 10 * MiB, types: [PDF, ...IMAGES, ...ARCHIVES], personal: true },
  dispute_evidence: { maxBytes: 10 * MiB, types: [PDF, ...IMAGES], personal: false },
  gig_gallery: { maxBytes: 5 * MiB, types: IMAGES, personal: true },
  verification_document: {
    maxBytes: 10 * MiB,
    types: [PDF, 'image/png', 'image/jpeg'],
    personal: true,
  },
  provider_invoice: { maxBytes: 5 * MiB, types: [PDF], personal: false },
  project_attachment: { maxBytes: 20 * MiB, types: [PDF, ...IMAGES, ...ARCHIVES], personal: false },
};

/** The largest file any purpose takes: the multipart parser's own limit. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(PURPOSE_RULES).map((r) => r.maxBytes));

export const isFilePurpose = (value: unknown): value is FilePurpose =>
  typeof value === 'string' && (FILE_PURPOSES as readonly string[]).includes(value);
