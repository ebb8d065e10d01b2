import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { projectStream, type ProjectEvent } from '../../../src/domain/tenders';
import { TestApp } from '../../support/test-app';

const TERMS = { amountCents: 250_000, delayDays: 30, formula: 'base', feePayer: 'client' } as const;

/**
 * A project taken to `finished` (or a given earlier status) by appending the contract events of
 * `project-<id>` directly, as the projects context would have written them.
 */
export async function projectUpTo(
  t: TestApp,
  clientId: string,
  providerId: string,
  status: 'open' | 'signed' | 'finished' = 'finished',
): Promise<string> {
  const projectId = randomUUID();
  const at = new Date(Date.now() - 60 * 86_400_000).toISOString();
  const events: ProjectEvent[] = [
    {
      type: 'ProjectPosted',
      data: {
        projectId,
        clientId,
        title: 'Refonte du site vitrine',
        description: 'Un site de 5 pages avec formulaire de contact.',
        category: 'web',
        budgetMinCents: 150_000,
        budgetMaxCents: 300_000,
        wishedDeadline: '2026-12-31',
        attachmentFileIds: [],
        postedAt: at,
      },
    },
  ];
  if (status !== 'open')
    events.push(
      {
        type: 'ProjectProviderSelected',
        data: {
          projectId,
          clientId,
          providerId,
          offerId: randomUUID(),
          terms: TERMS,
          selectedAt: at,
        },
      },
      {
        type: 'ProjectTermsConfirmed',
        data: {
          projectId,
          clientId,
          providerId,
          terms: TERMS,
          fees: { finderFeeCents: 12_500, r0OptionCents: 0 },
          confirmedAt: at,
        },
      },
    );
  if (status === 'finished')
    events.push({
      type: 'ProjectFinished',
      data: { projectId, finishedBy: clientId, finishedAt: at },
    });
  await t.app.get<EventStore>(EVENT_STORE).appendToStream(
    projectStream(projectId),
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data })),
    { expectedRevision: 'no_stream' },
  );
  return projectId;
}
