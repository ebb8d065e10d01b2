import { randomBytes } from 'node:crypto';
import { FileStorage } from '../../../src/application/files/file-storage.port';
import { samplePng, uploadFile } from '../../support/files';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
} from '../identity/identity-test-app';

describe('Files: an erased account takes its personal files with it', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(() => t.close());

  it('deletes verification documents, message attachments and gallery images from storage and marks them erased; deliverables and evidence stay', async () => {
    const provider = await registerAndLogin(t, {
      email: `erase.${randomBytes(4).toString('hex')}@example.fr`,
      roles: ['provider'],
    });
    const token = provider.accessToken;
    const personal = [
      await uploadFile(t, token, 'verification_document', undefined, 'kbis-jean-dupont.pdf'),
      await uploadFile(t, token, 'message_attachment'),
      await uploadFile(t, token, 'gig_gallery', samplePng(), 'portrait.png'),
    ];
    const kept = [
      await uploadFile(t, token, 'deliverable'),
      await uploadFile(t, token, 'dispute_evidence'),
    ];
    const submitted = await t.request('POST', '/me/verification/documents', {
      token,
      body: { kind: 'kbis_or_cfe', uploadRef: personal[0] },
    });
    expect(submitted.status).toBe(201);
    const mediator = await t.tokenFor({ roles: ['mediator'] });
    // Before: the reviewing staff read the document.
    expect((await t.request('GET', `/files/${personal[0]}/link`, { token: mediator })).status).toBe(
      200,
    );

    const admin = await t.tokenFor({ roles: ['admin'] });
    const erased = await t.request('POST', `/admin/accounts/${provider.accountId}/erasure`, {
      token: admin,
      body: { reason: 'gdpr_request' },
    });
    expect(erased.body).toMatchObject({ status: 'erased' });
    await t.settle();

    const storage = t.app.get(FileStorage);
    const rows = async (ids: string[]) =>
      (
        await t.db.pool.query<{
          file_id: string;
          storage_key: string;
          erased: boolean;
          original_name: string;
        }>(
          'SELECT file_id, storage_key, erased_at IS NOT NULL AS erased, original_name FROM files WHERE file_id = ANY($1::uuid[])',
          [ids],
        )
      ).rows;
    for (const row of await rows(personal)) {
      expect({
        erased: row.erased,
        name: row.original_name,
        stored: await storage.exists(row.storage_key),
      }).toEqual({
        erased: true,
        name: 'erased',
        stored: false,
      });
    }
    for (const row of await rows(kept)) {
      expect({ erased: row.erased, stored: await storage.exists(row.storage_key) }).toEqual({
        erased: false,
        stored: true,
      });
    }
    const after = await t.request('GET', `/files/${personal[0]}/link`, { token: mediator });
    expect([after.status, after.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
  });
});
