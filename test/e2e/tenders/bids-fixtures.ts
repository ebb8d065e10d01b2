import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { projectStream, type ProjectPosted, type ProjectTerms } from '../../../src/domain/tenders';
import type { TestApp } from '../../support/test-app';

export interface Account {
  id: string;
  token: string;
}

/** A registered account (identity holds its name, e-mail and phone), with a token for `role`. */
export async function registered(
  t: TestApp,
  role: 'client' | 'provider',
  profile: { displayName?: string; phone?: string } = {},
): Promise<Account & { email: string; displayName: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const displayName = profile.displayName ?? `Compte ${role} ${randomUUID().slice(0, 4)}`;
  const reg = await t.request('POST', '/auth/register', {
    body: { email, password: 'Str0ng!pass', displayName, roles: [role] },
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
  const id: string = reg.body.accountId;
  const token = await t.tokenFor({ accountId: id, roles: [role] });
  if (profile.phone) {
    const patch = await t.request('PATCH', '/me', { token, body: { phone: profile.phone } });
    if (patch.status !== 200) throw new Error(`profile: ${patch.status} ${patch.text}`);
  }
  return { id, token, email, displayName };
}

/** Staff grant bonus credits, as the credits e2e specs do. */
export async function grantCredits(
  t: TestApp,
  accountId: string,
  credits: Partial<Record<'consultation' | 'offer' | 'direct_contact', number>>,
): Promise<void> {
  const admin = await t.tokenFor({ roles: ['admin'] });
  const bonus = await t.request('POST', `/admin/accounts/${accountId}/credits/bonus`, {
    token: admin,
    body: { credits, reason: 'Crédits de test' },
  });
  if (bonus.status !== 201) throw new Error(`bonus: ${bonus.status} ${bonus.text}`);
}

const meta = (actorId: string, actorRole: string, occurredAt: string) => {
  const correlationId = randomUUID();
  return { correlationId, causationId: correlationId, actorId, actorRole, occurredAt };
};

/** A project posted straight in its stream (the projects routes are another part's). */
export async function postedProject(
  t: TestApp,
  clientId: string,
  overrides: Partial<ProjectPosted['data']> = {},
): Promise<ProjectPosted['data']> {
  const postedAt = new Date().toISOString();
  const data: ProjectPosted['data'] = {
    projectId: randomUUID(),
    clientId,
    title: 'Site vitrine pour une boulangerie',
    description: 'Cinq pages, galerie photo, formulaire de contact, version mobile.',
    category: 'web-development',
    budgetMinCents: 150_000,
    budgetMaxCents: 400_000,
    wishedDeadline: '2026-12-31',
    attachmentFileIds: [],
    postedAt,
    ...overrides,
  };
  await t.app.get<EventStore>(EVENT_STORE).appendToStream(
    projectStream(data.projectId),
    [
      {
        id: randomUUID(),
        type: 'ProjectPosted',
        data,
        metadata: meta(clientId, 'client', postedAt),
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  return data;
}

/** The client selects a provider (appended as the projects part would). */
export async function selectProvider(
  t: TestApp,
  project: { projectId: string; clientId: string },
  providerId: string,
  offerId: string,
  terms: ProjectTerms,
): Promise<void> {
  const selectedAt = new Date().toISOString();
  await t.app.get<EventStore>(EVENT_STORE).appendToStream(
    projectStream(project.projectId),
    [
      {
        id: randomUUID(),
        type: 'ProjectProviderSelected',
        data: { ...project, providerId, offerId, terms, selectedAt },
        metadata: meta(project.clientId, 'client', selectedAt),
      },
    ],
    { expectedRevision: 'any' },
  );
}
