import { BusinessRuleError, ForbiddenError, NotFoundError } from '../../domain/shared';

/** Stable codes of the files API. */
export const FileErrorCode = {
  NOT_FOUND: 'FILE_NOT_FOUND',
  PURPOSE_MISMATCH: 'FILE_PURPOSE_MISMATCH',
  TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  TOO_LARGE: 'FILE_TOO_LARGE',
  INFECTED: 'FILE_INFECTED',
  EMPTY: 'FILE_EMPTY',
  LINK_EXPIRED: 'FILE_LINK_EXPIRED',
  LINK_INVALID: 'FILE_LINK_INVALID',
} as const;

/** An unknown, erased or unreadable file: the same 404 whether it exists or not. */
export const fileNotFound = () => new NotFoundError(FileErrorCode.NOT_FOUND, 'No such file');

/** A command names a file that is not one of the actor's uploads (or is erased). */
export const referencedFileNotFound = (fileId: string, field: string) =>
  new BusinessRuleError(FileErrorCode.NOT_FOUND, 'The file is not one of your uploads', {
    fileId,
    field,
  });

export const filePurposeMismatch = (
  fileId: string,
  field: string,
  expected: string,
  actual: string,
) =>
  new BusinessRuleError(
    FileErrorCode.PURPOSE_MISMATCH,
    `The file was uploaded as ${actual}, not ${expected}`,
    { fileId, field, expected, actual },
  );

export const fileTypeNotAllowed = (
  purpose: string,
  detected: string | null,
  allowed: readonly string[],
) =>
  new BusinessRuleError(
    FileErrorCode.TYPE_NOT_ALLOWED,
    detected
      ? `A ${purpose} may not be ${detected}`
      : `The file's bytes are not a type a ${purpose} may be`,
    { purpose, detectedType: detected, allowedTypes: [...allowed] },
  );

export const fileInfected = (signature: string) =>
  new BusinessRuleError(FileErrorCode.INFECTED, 'The file was refused by the virus scanner', {
    signature,
  });

export const fileEmpty = () => new BusinessRuleError(FileErrorCode.EMPTY, 'The file is empty');

export const linkExpired = () =>
  new ForbiddenError(
    FileErrorCode.LINK_EXPIRED,
    'The download link has expired; ask for a new one',
  );

export const linkInvalid = () =>
  new ForbiddenError(FileErrorCode.LINK_INVALID, 'The download link is not valid');

/** Answered 413 (the HTTP filter's status override for this code). */
export const fileTooLarge = (purpose: string, maxBytes: number) =>
  new BusinessRuleError(FileErrorCode.TOO_LARGE, `A ${purpose} may be at most ${maxBytes} bytes`, {
    purpose,
    maxBytes,
  });
