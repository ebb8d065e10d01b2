import { Upcaster } from './upcaster-registry';

type Json = Record<string, unknown>;

/**
 * Version 1 of OrderMessagePosted predates contact-detail masking: its messages were never
 * masked, so version 2 reads them with no detected span rather than detecting them afresh.
 */
export function withNoContactDetails(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  if (Array.isArray((data as Json).contactDetails)) return data;
  return { ...(data as Json), contactDetails: [] };
}

export const ORDERS_UPCASTERS: readonly Upcaster[] = [
  { type: 'OrderMessagePosted', from: 1, upcast: withNoContactDetails },
];
