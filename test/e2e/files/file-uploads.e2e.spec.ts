import { createHash } from 'node:crypto';
import { Clock, OffsetClock } from '../../../src/application/shared/clock';
import { buildOpenApi } from '../../../src/bootstrap';
import { multipartBody, postFile, samplePdf, samplePng, uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, Party, placedOrder, publishedGig } from '../orders/marketplace-fixtures';

const MiB = 1024 * 1024;
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

describe('Files: a seller delivers a real PDF, the buyer downloads it through a signed link', () => {
  let t: TestApp;
  const clock = new OffsetClock();
  let buyer: Party;
  let seller: Party;
  let outsider: Party;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp({ VIRUS_SCANNER: 'eicar' }, [[Clock, clock]]);
    buyer = await party(t, 'client');
    seller = await party(t, 'provider');
    outsider = await party(t, 'client');
    orderId = await placedOrder(t, buyer, await publishedGig(t, seller));
    const started = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    expect(started.status).toBe(200);
  });
  afterAll(() => t.close());

  it('stores the upload with what its bytes are, delivers with it, and serves the exact bytes to the buyer only', async () => {
    const pdf = await samplePdf('Business plan, version finale');
    const uploaded = await postFile(t, seller.token, 'deliverable', {
      bytes: pdf,
      filename: 'business-plan.pdf',
      contentType: 'application/octet-stream',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      ownerId: seller.id,
      purpose: 'deliverable',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      contentType: 'application/pdf',
      originalName: 'business-plan.pdf',
    });
    const fileId = uploaded.body.fileId as string;

    // Before the delivery names it, the buyer cannot read the seller's file.
    expect(
      (await t.request('GET', `/files/${fileId}/link`, { token: buyer.token })).body.code,
    ).toBe('FILE_NOT_FOUND');

    const delivered = await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: seller.token,
      body: { message: 'Voici le livrable', fileRefs: [fileId] },
    });
    expect(delivered.status).toBe(201);

    const meta = await t.request('GET', `/files/${fileId}`, { token: buyer.token });
    expect(meta.status).toBe(200);
    expect(meta.body.fileId).toBe(fileId);

    const link = await t.request('GET', `/files/${fileId}/link`, { token: buyer.token });
    expect(link.status).toBe(200);
    const download = await t.app.inject({ method: 'GET', url: link.body.url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('filename="business-plan.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    for (const url of [`/files/${fileId}`, `/files/${fileId}/link`]) {
      const refused = await t.request('GET', url, { token: outsider.token });
      expect([refused.status, refused.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
    }

    // A tampered signature, or the link of another file, is refused.
    const tampered = link.body.url.replace(/signature=./, (m: string) =>
      m.endsWith('A') ? `${m.slice(0, -1)}B` : `${m.slice(0, -1)}A`,
    );
    const forged = await t.app.inject({ method: 'GET', url: tampered });
    expect([forged.statusCode, forged.json().code]).toEqual([403, 'FILE_LINK_INVALID']);

    // Past its lifetime (300 s) the same link is refused; a new one works.
    clock.advance(301_000);
    const late = await t.app.inject({ method: 'GET', url: link.body.url });
    expect([late.statusCode, late.json().code]).toEqual([403, 'FILE_LINK_EXPIRED']);
    const fresh = await t.request('GET', `/files/${fileId}/link`, { token: buyer.token });
    expect((await t.app.inject({ method: 'GET', url: fresh.body.url })).statusCode).toBe(200);
  });

  it("refuses a delivery naming a file that is not one of the seller's deliverables, and writes nothing", async () => {
    const buyersFile = await uploadFile(t, buyer.token, 'message_attachment');
    const ownAttachment = await uploadFile(t, seller.token, 'message_attachment');
    const before = await t.request('GET', `/orders/${orderId}`, { token: seller.token });
    for (const [ref, code] of [
      ['files/bp.pdf', 'FILE_NOT_FOUND'],
      [buyersFile, 'FILE_NOT_FOUND'],
      [ownAttachment, 'FILE_PURPOSE_MISMATCH'],
    ]) {
      const refused = await t.request('POST', `/orders/${orderId}/deliveries`, {
        token: seller.token,
        body: { message: 'Nouvelle version', fileRefs: [ref] },
      });
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([
        422,
        code,
        'fileRefs.0',
      ]);
    }
    const after = await t.request('GET', `/orders/${orderId}`, { token: seller.token });
    expect(after.body.revision).toBe(before.body.revision);
  });

  it('leaves no attachment behind when the command naming a good file is refused', async () => {
    const waiting = await placedOrder(t, buyer, await publishedGig(t, seller));
    const deliverable = await uploadFile(t, seller.token, 'deliverable');
    const refused = await t.request('POST', `/orders/${waiting}/deliveries`, {
      token: seller.token,
      body: { message: 'Trop tôt', fileRefs: [deliverable] },
    });
    expect([refused.status, refused.body.currentStatus]).toEqual([409, 'awaiting_start']);
    const { rows } = await t.db.pool.query(
      'SELECT kind, subject_id FROM file_attachments WHERE file_id = $1',
      [deliverable],
    );
    expect(rows).toEqual([]);
    expect(
      (await t.request('GET', `/files/${deliverable}/link`, { token: buyer.token })).status,
    ).toBe(404);
  });

  it('shares a message attachment with the other party of the order', async () => {
    const attachment = await uploadFile(
      t,
      buyer.token,
      'message_attachment',
      samplePng(),
      'maquette.png',
    );
    const posted = await t.request('POST', `/orders/${orderId}/messages`, {
      token: buyer.token,
      body: { text: 'Voici la maquette.', fileRefs: [attachment] },
    });
    expect(posted.status).toBe(201);
    expect(
      (await t.request('GET', `/files/${attachment}/link`, { token: seller.token })).status,
    ).toBe(200);
    expect(
      (await t.request('GET', `/files/${attachment}/link`, { token: outsider.token })).status,
    ).toBe(404);
  });

  it('refuses an oversized file, a disguised one and an infected one with stable codes', async () => {
    const countFiles = async (): Promise<number> =>
      (
        await t.db.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM files WHERE owner_id = $1',
          [seller.id],
        )
      ).rows[0].n;
    const stored = await countFiles();
    const oversized = await postFile(t, seller.token, 'gig_gallery', {
      bytes: samplePng(5 * MiB),
      filename: 'big.png',
      contentType: 'image/png',
    });
    expect([oversized.status, oversized.body.code, oversized.body.maxBytes]).toEqual([
      413,
      'FILE_TOO_LARGE',
      5 * MiB,
    ]);

    // An executable renamed .pdf, and text declared as an image: the bytes decide.
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
      Buffer.alloc(64),
    ]);
    const disguised = await postFile(t, seller.token, 'deliverable', {
      bytes: exe,
      filename: 'facture.pdf',
      contentType: 'application/pdf',
    });
    expect([disguised.status, disguised.body.code]).toEqual([422, 'FILE_TYPE_NOT_ALLOWED']);
    const text = await postFile(t, seller.token, 'gig_gallery', {
      bytes: Buffer.from('pas une image'),
      filename: 'photo.png',
      contentType: 'image/png',
    });
    expect([text.status, text.body.code]).toEqual([422, 'FILE_TYPE_NOT_ALLOWED']);
    // A real PDF is still not a gallery image.
    const pdfAsImage = await postFile(t, seller.token, 'gig_gallery', {
      bytes: await samplePdf(),
      filename: 'photo.png',
      contentType: 'image/png',
    });
    expect([pdfAsImage.status, pdfAsImage.body.code, pdfAsImage.body.detectedType]).toEqual([
      422,
      'FILE_TYPE_NOT_ALLOWED',
      'application/pdf',
    ]);

    const infected = await postFile(t, seller.token, 'deliverable', {
      bytes: Buffer.concat([await samplePdf(), Buffer.from(EICAR)]),
      filename: 'livrable.pdf',
    });
    expect([infected.status, infected.body.code]).toEqual([422, 'FILE_INFECTED']);

    const noPurpose = await postFile(t, seller.token, 'holiday_photos', {
      bytes: await samplePdf(),
    });
    expect([noPurpose.status, noPurpose.body.code]).toEqual([400, 'FILE_PURPOSE_INVALID']);
    const json = await t.request('POST', '/files', {
      token: seller.token,
      body: { purpose: 'deliverable' },
    });
    expect([json.status, json.body.code]).toEqual([415, 'MULTIPART_REQUIRED']);

    // A form the parser cannot read is bad input, never a 500.
    const { body: form, contentType } = multipartBody(
      { purpose: 'deliverable' },
      { bytes: await samplePdf() },
    );
    for (const [headers, payload] of [
      [{ 'content-type': 'multipart/form-data' }, form],
      [{ 'content-type': contentType }, form.subarray(0, form.length - 40)],
      [{ 'content-type': contentType }, Buffer.concat([form.subarray(0, form.length - 40), form])],
    ] as const) {
      const malformed = await t.request('POST', '/files', {
        token: seller.token,
        headers: { ...headers },
        body: payload,
      });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_MULTIPART']);
    }

    // No refused upload was recorded.
    expect(await countFiles()).toBe(stored);
  });

  it('documents the multipart body and every answer of the files routes', () => {
    const paths = JSON.parse(JSON.stringify(buildOpenApi(t.app))).paths;
    const upload = paths['/files'].post;
    const form = upload.requestBody.content['multipart/form-data'].schema;
    expect(form.required).toEqual(['purpose', 'file']);
    expect(form.properties.file).toEqual(
      expect.objectContaining({ type: 'string', format: 'binary' }),
    );
    expect(form.properties.purpose.enum).toContain('deliverable');
    for (const status of ['201', '400', '401', '413', '415', '422'])
      expect(Object.values(upload.responses[status].content ?? {})[0]).toHaveProperty('schema');
    const content = paths['/files/{fileId}/content'].get;
    expect(content.security).toEqual([]);
    expect(content.responses['200'].content['application/octet-stream'].schema.format).toBe(
      'binary',
    );
    for (const status of ['403', '404'])
      expect(content.responses[status].content['application/problem+json'].schema).toBeDefined();
    expect(
      paths['/files/{fileId}/link'].get.responses['200'].content['application/json'].schema.$ref,
    ).toContain('FileLinkResponse');
  });
});
