import type { CommandMeta } from '../shared';
import { textFault } from '../shared/text';
import {
  financeOnly,
  invalidInvoiceNumber,
  invoiceFileRequired,
  INVOICE_NUMBER_MAX_LENGTH,
  refusalReasonRequired,
  REFUSAL_REASON_MAX_LENGTH,
  systemOnly,
} from './payment-request.errors';

const INVOICE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} _\-/.#]*$/u;

export function assertFinance(meta: CommandMeta): void {
  if (meta.actorRole !== 'finance') throw financeOnly();
}

export function assertSystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system') throw systemOnly();
}

/** Trimmed; letters, digits and the usual separators of invoice numbers ("F-2026/042"). */
export function parseInvoiceNumber(input: unknown): string {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '' || [...value].length > INVOICE_NUMBER_MAX_LENGTH || !INVOICE_NUMBER.test(value))
    throw invalidInvoiceNumber();
  return value;
}

export function parseInvoiceFileId(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw invoiceFileRequired();
  return input.trim().toLowerCase();
}

export function parseRefusalReason(input: unknown): string {
  const value = typeof input === 'string' ? input.trim() : '';
  if (
    value === '' ||
    [...value].length > REFUSAL_REASON_MAX_LENGTH ||
    textFault(value, { controlCharacters: true }) !== null
  )
    throw refusalReasonRequired();
  return value;
}
