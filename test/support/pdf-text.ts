import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF as `pdftotext -layout` (poppler-utils) reads it, page breaks as form feeds. */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders each page to PNG at `dpi` with `pdftoppm`; returns the files written (`<prefix>-1.png`, ...). */
export function pdfToPng(bytes: Buffer, prefix: string, dpi = 80): void {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-png-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, prefix]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
