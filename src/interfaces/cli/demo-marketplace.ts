import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Pool } from 'pg';
import { AppModule } from '../../app.module';
import { configureApp, createHttpAdapter } from '../../bootstrap';
import { RegistrationService } from '../../application/identity/registration.service';
import { ServiceTypeCatalogue } from '../../application/missions/service-type.catalogue';
import { SolidarityTypeCatalogue } from '../../application/solidarity/solidarity-type.catalogue';
import { PlanCatalogueSeed } from '../../application/plans/plan.catalogue';
import { OffsetClock } from '../../application/shared/clock';
import { EVENT_STORE, EventStore } from '../../application/shared/event-store.port';
import type { PartyRole, StaffRole } from '../../domain/shared';
import { AppConfig } from '../../infrastructure/config/config';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { JobRetimer } from '../../infrastructure/queues/job-retimer';
import { ReactorRunner } from '../../infrastructure/subscriptions/reactor-runner';
import { ProjectionsService } from '../../projections/projections.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long the seed waits for one job, reaction or projection before it gives up. */
const WAIT_MS = 60_000;

const REQUIRED_DOCUMENTS = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];
const DEMO_IBAN = 'FR76 3000 6000 0112 3456 7890 189';

export class DemoRefusedError extends Error {}

export interface DemoAccount {
  role: PartyRole | StaffRole;
  label: string;
  displayName: string;
  email: string;
  password: string;
  accountId: string;
}

export interface DemoOrder {
  orderId: string;
  /** What the seed left it as; `GET /orders/{orderId}` tells the rest. */
  state: string;
}

export interface DemoMarketplace {
  accounts: DemoAccount[];
  gigIds: string[];
  orders: DemoOrder[];
  disputeId: string;
  payoutId: string;
}

/** A generated password that passes the account policy (letters, digits, a symbol, 20+ characters). */
function strongPassword(): string {
  return `Demo-${randomBytes(12).toString('base64url')}-9!`;
}

interface Reply {
  status: number;
  body: any;
  text: string;
}

/**
 * Writes a small marketplace's history through the application itself: HTTP routes in-process
 * (Fastify inject, so guards, validation and idempotency apply), with reactors, projectors and
 * workers running, so read models and the event log agree. The story starts 12 days ago on a
 * movable clock and moves forward to now; deadlines it passes fire as jobs, as they would have.
 * A service running meanwhile (on real time) may fire those past deadlines first, as soon as they
 * are scheduled: the story only leaves past due the deadlines meant to fire (the late order's).
 */
export class DemoMarketplaceSeed {
  private readonly clock: OffsetClock;
  private readonly origin: number;
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly app: NestFastifyApplication,
    clock: OffsetClock,
    origin: number,
  ) {
    this.clock = clock;
    this.origin = origin;
  }

  /** The application on `config`, on a clock 12 days behind; `run()` then `close()`. */
  static async open(config: AppConfig): Promise<DemoMarketplaceSeed> {
    const origin = Date.now();
    const clock = new OffsetClock(-12 * DAY);
    const seedConfig: AppConfig = {
      ...config,
      PROCESS_ROLES: ['api', 'projectors', 'workers'],
      SWAGGER_ENABLED: false,
      // Its own requests would bury the accounts it prints; errors still show.
      LOG_LEVEL: 'error',
      PG_POOL_SIZE: Math.min(config.PG_POOL_SIZE, 8),
    };
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(seedConfig, [], { clock }),
      createHttpAdapter(false),
      { bufferLogs: true, rawBody: true, logger: false },
    );
    configureApp(app, seedConfig);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new DemoMarketplaceSeed(app, clock, origin);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** Refuses (DemoRefusedError) when the event log holds anything: accounts, gigs, orders... */
  async assertEmpty(): Promise<void> {
    const store = this.app.get<EventStore>(EVENT_STORE);
    const [first] = await store.readAll({ maxCount: 1 });
    if (first) {
      throw new DemoRefusedError(
        `Refused: this database already holds data (its event log starts with ${first.type} on ${first.streamName}). ` +
          'The demo only fills an empty database: point DATABASE_URL at a new one.',
      );
    }
  }

  async run(): Promise<DemoMarketplace> {
    await this.assertEmpty();
    const at = (daysAgo: number) => this.moveTo(this.origin - daysAgo * DAY);

    // 12 days ago: the team, the members, two verified providers and their gigs.
    const admin = await this.account('admin', 'Administratrice', 'Alice Admin', 'admin');
    const mediator = await this.account(
      'mediator',
      'Médiateur',
      'Marc Médiateur',
      'mediateur',
      admin,
    );
    const finance = await this.account('finance', 'Finance', 'Fanny Finance', 'finance', admin);
    const buyer = await this.account('client', 'Client (acheteur)', 'Julie Martin', 'julie.martin');
    const designer = await this.account(
      'provider',
      'Prestataire (vendeur)',
      'Camille Durand',
      'camille.durand',
    );
    const writer = await this.account(
      'provider',
      'Prestataire (vendeur)',
      'Léo Bernard',
      'leo.bernard',
    );
    const volunteer = await this.account('volunteer', 'Bénévole', 'Victor Petit', 'victor.petit');
    const association = await this.account(
      'association',
      'Association',
      'Les Jardins Partagés',
      'jardins.partages',
    );
    for (const provider of [designer, writer]) await this.verify(provider, admin);
    // The catalogue of local services (Ménage, Jardinage...), as `service-types seed` creates it.
    await this.app.get(ServiceTypeCatalogue).seed(
      { now: this.clock.now().toISOString(), actorId: admin.accountId, actorRole: 'admin' },
      { correlationId: 'demo-seed:service-types' },
    );
    // The solidarity types (Aide alimentaire...), as `solidarity-types seed` defines them.
    await this.app.get(SolidarityTypeCatalogue).seed(
      { now: this.clock.now().toISOString(), actorId: admin.accountId, actorRole: 'admin' },
      { correlationId: 'demo-seed:solidarity-types' },
    );
    // The platform's plans (Pro, credit subscriptions, hour packs), as `plans seed` defines them.
    await this.app.get(PlanCatalogueSeed).seed(
      { now: this.clock.now().toISOString(), actorId: admin.accountId, actorRole: 'admin' },
      { correlationId: 'demo-seed:plans' },
    );

    const logo = await this.gig(designer, {
      title: 'Logo professionnel en 3 jours',
      category: 'graphisme-design',
      description:
        'Trois pistes de logo, deux allers-retours, fichiers vectoriels et déclinaisons.',
      priceCents: 18_000,
      deliveryDays: 3,
    });
    const identity = await this.gig(designer, {
      title: 'Identité visuelle complète',
      category: 'graphisme-design',
      description: 'Logo, charte graphique, cartes de visite et modèles de documents.',
      priceCents: 65_000,
      deliveryDays: 7,
    });
    const website = await this.gig(writer, {
      title: 'Rédaction des pages de votre site',
      category: 'redaction-traduction',
      description:
        'Cinq pages rédigées pour le référencement : accueil, services, à propos, contact, FAQ.',
      priceCents: 42_000,
      deliveryDays: 7,
    });

    // 10 days ago: an order its seller will let run late (due 7 days ago).
    await at(10);
    const late = await this.order(buyer, logo, 'late');
    await this.post(designer, `/orders/${late}/start`);

    // 5 to 3 days ago: orders that will complete, be contested, go to revision.
    await at(5);
    const completed = await this.order(buyer, website, 'completed');
    await this.post(writer, `/orders/${completed}/start`);
    await at(4);
    const contested = await this.order(buyer, identity, 'disputed');
    await this.post(designer, `/orders/${contested}/start`);
    await at(3);
    const revision = await this.order(buyer, website, 'in revision');
    await this.post(writer, `/orders/${revision}/start`);

    // 2 days ago: three deliveries; one accepted and reviewed, its earnings withdrawn; an order
    // cancelled before it started. (A delivery is completed automatically after
    // AUTO_COMPLETE_AFTER_DAYS: one delivered earlier and accepted later would be completed
    // first by a service running meanwhile, on real time.)
    await at(2);
    await this.deliver(designer, contested, 'Voici la charte et les fichiers sources.');
    await this.deliver(writer, revision, 'Première version des cinq pages.');
    await this.deliver(writer, completed, 'Les cinq pages sont prêtes, au format Word et en HTML.');
    const cancelled = await this.order(buyer, identity, 'cancelled');
    await this.moveTo(this.origin - 2 * DAY + HOUR);
    await this.post(buyer, `/orders/${cancelled}/cancel`);
    await this.moveTo(this.origin - 2 * DAY + 2 * HOUR);
    await this.post(buyer, `/orders/${completed}/accept`);
    await this.post(buyer, `/orders/${completed}/review`, {
      rating: 5,
      comment: 'Textes clairs, livrés en avance. Je recommande.',
    });
    await this.moveTo(this.origin - 2 * DAY + 3 * HOUR);
    const payoutId = await this.payout(writer);

    // Yesterday: a dispute, a revision request, an order started, one delivered.
    await at(1);
    const dispute = await this.post(buyer, `/orders/${contested}/disputes`, {
      reason: 'not_as_described',
      statement: 'Les cartes de visite promises ne sont pas dans la livraison.',
      evidenceRefs: [await this.upload(buyer, 'dispute_evidence', 'Bon de commande')],
    });
    const disputeId = dispute.body.disputeId as string;
    await this.post(buyer, `/orders/${revision}/revision-requests`, {
      instructions: 'Merci de raccourcir la page d’accueil et d’ajouter nos horaires.',
    });
    const active = await this.order(buyer, identity, 'active');
    await this.post(designer, `/orders/${active}/start`);
    const delivered = await this.order(buyer, logo, 'delivered');
    await this.post(designer, `/orders/${delivered}/start`);
    await this.moveTo(this.origin - 20 * HOUR);
    await this.deliver(designer, delivered, 'Trois pistes de logo en pièce jointe.');

    // 12 hours ago: the seller answers the dispute and a mediator takes it.
    await this.moveTo(this.origin - 12 * HOUR);
    await this.post(designer, `/disputes/${disputeId}/statements`, {
      text: 'Les cartes de visite étaient en option, non commandée.',
      evidenceRefs: [await this.upload(designer, 'dispute_evidence', 'Offre acceptée')],
    });
    await this.post(mediator, `/disputes/${disputeId}/assign`, {});

    // 2 hours ago: an order waiting for its seller to start.
    await this.moveTo(this.origin - 2 * HOUR);
    const placed = await this.order(buyer, website, 'placed');

    // Now: every deadline the story passed has fired.
    await this.moveTo(Date.now());
    await this.waitFor(`order ${late} to be marked late`, async () => {
      const view = await this.get(buyer, `/orders/${late}`);
      return view.body.lateMarkedAt !== null;
    });

    return {
      accounts: [admin, mediator, finance, buyer, designer, writer, volunteer, association],
      gigIds: [logo, identity, website],
      orders: [
        { orderId: placed, state: 'placed (awaiting start)' },
        { orderId: active, state: 'active' },
        { orderId: late, state: 'active, late' },
        { orderId: delivered, state: 'delivered' },
        { orderId: revision, state: 'in revision' },
        { orderId: completed, state: 'completed, reviewed' },
        { orderId: cancelled, state: 'cancelled' },
        { orderId: contested, state: 'disputed, under mediation' },
      ],
      disputeId,
      payoutId,
    };
  }

  /** Moves the story's clock forward, lets the jobs that came due run and the read models catch up. */
  private async moveTo(instant: number): Promise<void> {
    this.clock.jumpTo(new Date(Math.min(instant, Date.now())));
    await this.app.get(JobRetimer).retime();
    const pool = this.app.get<Pool>(PG_POOL);
    await this.waitFor('the jobs that came due', async () => {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM scheduled_jobs WHERE status = 'scheduled' AND due_at <= $1`,
        [this.clock.now().toISOString()],
      );
      return Number(rows[0].n) === 0;
    });
    await this.settle();
  }

  private async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await this.app.get(ReactorRunner).settle();
      await this.app.get(ProjectionsService, { strict: false }).settle();
    }
  }

  private async waitFor(what: string, probe: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`The demo seed gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async request(
    method: 'GET' | 'POST',
    who: DemoAccount | null,
    url: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (who) headers.authorization = `Bearer ${this.tokens.get(who.accountId)}`;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const text = response.body;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url} answered ${response.statusCode}: ${text}`);
    return { status: response.statusCode, body: parsed, text };
  }

  /** Uploads a small real PDF as `who` (POST /files, multipart) and returns its file id. */
  private async upload(who: DemoAccount, purpose: string, title: string): Promise<string> {
    const pdf = await new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A5' });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.fontSize(16).text(title).moveDown().fontSize(10).text('Document de démonstration.');
      doc.end();
    });
    const boundary = `----demo${randomUUID().replace(/-/g, '')}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${purpose}.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await this.app.inject({
      method: 'POST',
      url: '/files',
      headers: {
        authorization: `Bearer ${this.tokens.get(who.accountId)}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    if (response.statusCode !== 201)
      throw new Error(`POST /files answered ${response.statusCode}: ${response.body}`);
    return (JSON.parse(response.body) as { fileId: string }).fileId;
  }

  private post(who: DemoAccount, url: string, body: unknown = undefined, key?: string) {
    return this.request('POST', who, url, body, key);
  }

  private get(who: DemoAccount, url: string) {
    return this.request('GET', who, url);
  }

  /**
   * A confirmed account (the operator vouches for the demo addresses), logged in; a staff member
   * other than the first admin registers as a client and is granted the role by `grantedBy`.
   */
  private async account(
    role: DemoAccount['role'],
    label: string,
    displayName: string,
    mailbox: string,
    grantedBy?: DemoAccount,
  ): Promise<DemoAccount> {
    const email = `${mailbox}@demo.example.fr`;
    const password = strongPassword();
    const registration = this.app.get(RegistrationService);
    const causation = { correlationId: `demo-seed:${mailbox}` };
    const accountId =
      role === 'admin'
        ? (await registration.bootstrapAdmin(email, password)).accountId
        : (
            await registration.registerConfirmed(
              { email, password, displayName, roles: [grantedBy ? 'client' : role] },
              causation,
            )
          ).accountId;
    if (grantedBy) {
      await this.post(grantedBy, `/admin/accounts/${accountId}/staff-roles`, { role });
    }
    const account: DemoAccount = { role, label, displayName, email, password, accountId };
    const login = await this.request('POST', null, '/auth/login', { email, password });
    this.tokens.set(accountId, login.body.accessToken as string);
    return account;
  }

  /** Every required document submitted by the provider and approved by the admin. */
  private async verify(provider: DemoAccount, admin: DemoAccount): Promise<void> {
    for (const kind of REQUIRED_DOCUMENTS) {
      const submitted = await this.post(provider, '/me/verification/documents', {
        kind,
        uploadRef: await this.upload(provider, 'verification_document', `Justificatif : ${kind}`),
      });
      await this.post(
        admin,
        `/admin/verifications/${provider.accountId}/documents/${submitted.body.documentId}/approve`,
      );
    }
    await this.settle();
  }

  private async gig(
    seller: DemoAccount,
    input: {
      title: string;
      category: string;
      description: string;
      priceCents: number;
      deliveryDays: number;
    },
  ): Promise<string> {
    const created = await this.post(seller, '/gigs', {
      kind: 'package',
      ...input,
      openingMessage: 'Merci pour votre commande ! Je reviens vers vous sous 24 h.',
      extras: [],
    });
    const gigId = created.body.gigId as string;
    await this.post(seller, `/gigs/${gigId}/publish`);
    await this.settle();
    return gigId;
  }

  private async order(buyer: DemoAccount, gigId: string, purpose: string): Promise<string> {
    const placed = await this.post(
      buyer,
      '/orders',
      { gigId, extraIds: [], paymentMethod: 'pm_card_visa' },
      `demo-seed:order:${purpose.replace(/\W+/g, '-')}`,
    );
    await this.settle();
    return placed.body.orderId as string;
  }

  private async deliver(seller: DemoAccount, orderId: string, message: string): Promise<void> {
    await this.post(seller, `/orders/${orderId}/deliveries`, {
      message,
      fileRefs: [await this.upload(seller, 'deliverable', 'Livrable')],
    });
    await this.settle();
  }

  /** A bank account on the seller's wallet and a withdrawal of what it holds, paid by the worker. */
  private async payout(seller: DemoAccount): Promise<string> {
    await this.waitFor('the seller’s wallet to be credited', async () => {
      const wallet = await this.get(seller, '/wallet');
      return Number(wallet.body.availableCents) > 0;
    });
    const account = await this.post(seller, '/wallet/withdrawal-accounts', {
      kind: 'bank',
      iban: DEMO_IBAN,
      holderName: seller.displayName,
    });
    const wallet = await this.get(seller, '/wallet');
    const requested = await this.post(seller, '/wallet/withdrawals', {
      amountCents: wallet.body.availableCents as number,
      accountId: account.body.account.accountId as string,
    });
    const payoutId = requested.body.payoutId as string;
    await this.waitFor('the payout to be sent', async () => {
      const payout = await this.get(seller, `/payouts/${payoutId}`);
      return payout.body.status === 'sent';
    });
    return payoutId;
  }
}
