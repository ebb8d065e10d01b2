import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF, one line per text line and pages separated by form feeds, read by pdfjs-dist
 * (Mozilla's PDF reader, a dev dependency: no system tool needed). It is an ES module, so it runs
 * in a child Node process beside Jest's CommonJS.
 */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync(process.execPath, [join(__dirname, 'pdf-text-reader.mjs'), file], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
