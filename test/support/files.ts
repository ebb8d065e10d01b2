import PDFDocument from 'pdfkit';
import { randomUUID } from 'node:crypto';
import type { FilePurpose } from '../../src/application/files/file-purposes';
import { TestApp, TestResponse } from './test-app';

export interface FormFile {
  bytes: Buffer;
  filename?: string;
  /** What the client declares; the server never trusts it. */
  contentType?: string;
}

/** A multipart/form-data body: the fields in order, then the file part. */
export function multipartBody(
  fields: Record<string, string>,
  file?: FormFile,
): { body: Buffer; contentType: string } {
  const boundary = `----mk${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename ?? 'file.pdf'}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /files as `token`; the raw answer, for tests of the refusals. */
export function postFile(
  t: TestApp,
  token: string,
  purpose: string,
  file: FormFile,
): Promise<TestResponse> {
  const { body, contentType } = multipartBody({ purpose }, file);
  return t.request('POST', '/files', { token, body, headers: { 'content-type': contentType } });
}

/** A real, small PDF (pdfkit), different for each text. */
export function samplePdf(text = 'Livrable'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

/** A 1x1 PNG's bytes (a real image), padded with `padding` bytes after its end. */
export function samplePng(padding = 0): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([png, Buffer.alloc(padding)]);
}

/** Uploads a file (a small PDF unless given) and returns its id; throws unless it is stored. */
export async function uploadFile(
  t: TestApp,
  token: string,
  purpose: FilePurpose,
  bytes?: Buffer,
  filename = 'livrable.pdf',
): Promise<string> {
  const answer = await postFile(t, token, purpose, {
    bytes: bytes ?? (await samplePdf(`${purpose} ${randomUUID()}`)),
    filename,
  });
  if (answer.status !== 201) throw new Error(`upload ${purpose}: ${answer.status} ${answer.text}`);
  return answer.body.fileId as string;
}
