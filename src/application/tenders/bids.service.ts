import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError, type ActorRole } from '../../domain/shared';
import {
  offerDecider,
  PROJECT_STATUS_LABELS,
  ProjectReportErrorCode,
  projectReportDecider,
  projectOfferStream,
  type OfferCommand,
  type ProjectOfferState,
  type ProjectReportCommand,
  type ProjectState,
  type ProjectStatus,
  type ProjectTerms,
  type ReportMessageKind,
} from '../../domain/tenders';
import {
  OfferErrorCode,
  offerNotFound,
  projectNotOpen,
  tenderProjectNotFound,
} from '../../domain/tenders/offer.errors';
import { AccountContact, GetAccountContactQuery } from '../identity/account-contact.query';
import { CREDIT_SPENDING, type CreditSpending } from '../plans/credits.port';
import type { CreditKind } from '../../domain/plans';
import { Clock } from '../shared/clock';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { BidsReader, type OfferView, type ReportMessageView } from './bids-reader.port';
import { clientContactErased, ownProject } from './bids.errors';
import { OfferCommandMessage, ProjectReportCommandMessage, UNKNOWN_PROJECT } from './bids.messages';
import { loadProject, standingOf } from './project-standing';
import { projectOfferId } from './tender-ids';
import { deterministicIdsIn } from '../shared/deterministic-id';
import { randomUUID } from 'node:crypto';
import type { ProjectReportEvent, ProjectReportState } from '../../domain/tenders';

export interface BidActor {
  accountId: string;
  role: ActorRole;
  causation: CausationContext;
}

export interface OfferTermsInput {
  amountCents: number;
  delayDays: number;
  message: string;
}

/** What the report answers; `access` says how much of it the caller sees. */
export interface ReportView {
  projectId: string;
  status: ProjectStatus;
  statusLabel: string;
  /** `client`: the project's client; `full`: a provider who spent "consultation"; `own`: a provider who did not (their own offer and messages only). */
  access: 'client' | 'full' | 'own';
  brief: {
    title: string;
    description: string;
    category: string;
    budgetMinCents: number;
    budgetMaxCents: number;
    wishedDeadline: string;
    attachmentFileIds: string[];
    postedAt: string;
  };
  offers: OfferView[];
  messages: ReportMessageView[];
  /** For the client and the selected provider: who was selected, on which terms; null otherwise. */
  selection: {
    providerId: string;
    offerId: string | null;
    terms: ProjectTerms | null;
    selectedAt: string | null;
    signed: boolean;
    notice: string | null;
  } | null;
  /** For a provider: which credits they spent on this project. */
  myCredits: Record<CreditKind, boolean> | null;
}

export const WON_NOTICE =
  'Félicitations, vous avez remporté ce projet ! Confirmez les termes de réalisation (montant, délai, formule) sur la page d’accord final.';

const ids = deterministicIdsIn('tenders');
/** A message posted with an Idempotency-Key keeps its id on a retry. */
const projectMessageId = (projectId: string, authorId: string, key?: string) =>
  key ? ids('message', projectId, authorId, key) : randomUUID();

const subject = (projectId: string) => ({ type: 'project' as const, id: projectId });

const offerViewOf = (o: ProjectOfferState): OfferView => ({
  offerId: o.offerId,
  projectId: o.projectId,
  providerId: o.providerId,
  amountCents: o.amountCents,
  delayDays: o.delayDays,
  message: o.message,
  madeAt: o.madeAt,
  editedAt: o.editedAt,
  readAt: o.readAt,
  readByClient: o.readCurrent,
});

/**
 * The credits at work on a project (seed 003, Étape 1): "consultation" opens the report,
 * "offre" lets a provider bid and write to the client, "contact direct" reveals the client's
 * details. Each is spent once per provider and project through `CREDIT_SPENDING` (a repeat is
 * free), and always before what it pays for, so nothing is given without a spend.
 */
@Injectable()
export class BidsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDIT_SPENDING) private readonly credits: CreditSpending,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly reader: BidsReader,
    private readonly clock: Clock,
  ) {}

  private meta(actor: BidActor) {
    return { now: this.clock.now().toISOString(), actorId: actor.accountId, actorRole: actor.role };
  }

  private async existing(
    projectId: string,
  ): Promise<ProjectState & { brief: NonNullable<ProjectState['brief']> }> {
    const project = await loadProject(this.store, projectId);
    if (project.status === 'none' || !project.brief) throw tenderProjectNotFound(projectId);
    return project as ProjectState & { brief: NonNullable<ProjectState['brief']> };
  }

  private async giveBack(actor: BidActor, spendId: string): Promise<void> {
    await this.credits.giveBack({
      accountId: actor.accountId,
      spendId,
      reason: 'project_no_longer_current',
      correlationId: actor.causation.correlationId,
      causationId: actor.causation.causationId,
    });
  }

  /**
   * The project stopped taking what was just paid for between the spend and the command (a
   * selection, a withdrawal): the credit just spent is given back, never kept for nothing.
   */
  private async refundIfClosed<T>(
    actor: BidActor,
    spend: { spentNow: boolean; spendId: string },
    run: () => Promise<T>,
  ): Promise<T> {
    return run().catch(async (error) => {
      if (
        spend.spentNow &&
        error instanceof DomainError &&
        (error.code === OfferErrorCode.PROJECT_NOT_OPEN ||
          error.code === ProjectReportErrorCode.REPORT_CLOSED)
      )
        await this.giveBack(actor, spend.spendId);
      throw error;
    });
  }

  /** Spends `kind` once; a first spend only on an open project, never on one's own. */
  private async spendOn(
    actor: BidActor,
    project: ProjectState,
    kind: CreditKind,
    projectId: string,
  ) {
    if (project.brief?.clientId === actor.accountId) throw ownProject(projectId);
    const already = await this.credits.hasSpent(actor.accountId, kind, subject(projectId));
    if (!already && project.status !== 'open') throw projectNotOpen(projectId, project.status);
    return this.credits.spend({
      accountId: actor.accountId,
      kind,
      subject: subject(projectId),
      correlationId: actor.causation.correlationId,
      causationId: actor.causation.causationId,
    });
  }

  /** POST …/consultation: the "consultation" credit, then the full report. */
  async consult(actor: BidActor, projectId: string) {
    const project = await this.existing(projectId);
    const spend = await this.spendOn(actor, project, 'consultation', projectId);
    return { spentNow: spend.spentNow, report: await this.reportOf(actor, project, projectId) };
  }

  private async loadOffer(offerId: string): Promise<ProjectOfferState | null> {
    return (await loadAggregate(this.store, projectOfferStream(offerId), offerDecider)).state;
  }

  /**
   * POST …/offers: the offer is checked first (a refused offer costs nothing), the "offre" credit
   * spent, then the offer made. The offer id derives from the project and the provider, and the
   * spend is exactly once, so a retry after a crash between the two spends nothing and makes it.
   */
  async makeOffer(actor: BidActor, projectId: string, terms: OfferTermsInput) {
    const project = await this.existing(projectId);
    const offerId = projectOfferId(projectId, actor.accountId);
    const command: OfferCommand = {
      type: 'MakeOffer',
      data: {
        offerId,
        projectId,
        providerId: actor.accountId,
        ...terms,
        project: standingOf(project),
      },
      meta: this.meta(actor),
    };
    offerDecider.decide(command, await this.loadOffer(offerId));
    const spend = await this.spendOn(actor, project, 'offer', projectId);
    const result = await this.refundIfClosed(actor, spend, () =>
      this.offerCommand(offerId, command, actor),
    );
    return {
      created: result.events.length > 0,
      spentNow: spend.spentNow,
      offer: offerViewOf(result.state as ProjectOfferState),
    };
  }

  private offerCommand(
    offerId: string,
    command: OfferCommand,
    actor: BidActor,
    expectedRevision?: bigint,
  ) {
    return this.commands.execute<
      OfferCommandMessage,
      HandleResult<ProjectOfferState | null, unknown>
    >(
      new OfferCommandMessage(
        offerId,
        command,
        actor.causation,
        expectedRevision === undefined ? {} : { expectedRevision },
      ),
    );
  }

  /** PUT …/offers/mine: free, while the project is open; the client's read receipt starts over. */
  async editOffer(actor: BidActor, projectId: string, terms: OfferTermsInput) {
    const offerId = projectOfferId(projectId, actor.accountId);
    const result = await this.offerCommand(
      offerId,
      {
        type: 'EditOffer',
        data: { offerId, projectId, ...terms, project: UNKNOWN_PROJECT },
        meta: this.meta(actor),
      },
      actor,
    );
    return offerViewOf(result.state as ProjectOfferState);
  }

  /** GET …/offers/mine, with whether the client read its current version. */
  async myOffer(actor: BidActor, projectId: string): Promise<OfferView> {
    await this.existing(projectId);
    const offer = await this.loadOffer(projectOfferId(projectId, actor.accountId));
    if (!offer) throw offerNotFound(projectId);
    return offerViewOf(offer);
  }

  /** Every unread offer gets its read receipt as the client opens them. */
  private async markRead(actor: BidActor, offers: OfferView[]): Promise<OfferView[]> {
    const now = this.meta(actor);
    return Promise.all(
      offers.map(async (offer) => {
        if (offer.readByClient) return offer;
        const result = await this.offerCommand(
          offer.offerId,
          {
            type: 'MarkOfferRead',
            data: { offerId: offer.offerId, projectId: offer.projectId, project: UNKNOWN_PROJECT },
            meta: now,
          },
          actor,
        );
        return offerViewOf(result.state as ProjectOfferState);
      }),
    );
  }

  /** GET …/offers (the client): every offer, now read. */
  async clientOffers(actor: BidActor, projectId: string) {
    const project = await this.existing(projectId);
    if (project.brief.clientId !== actor.accountId) throw tenderProjectNotFound(projectId);
    const offers = await this.markRead(actor, await this.reader.offersOf(projectId));
    return {
      projectId,
      status: project.status,
      statusLabel: PROJECT_STATUS_LABELS[project.status],
      items: offers,
    };
  }

  /** POST …/questions: needs the "offre" credit, spent now if it was not (one credit covers the offer and the questions). */
  async ask(
    actor: BidActor,
    projectId: string,
    input: { text: string; fileIds: string[]; key?: string },
  ) {
    const project = await this.existing(projectId);
    if (project.brief.clientId === actor.accountId) throw ownProject(projectId);
    const command = this.postCommand(actor, projectId, 'question', input);
    // Checked first, as if the credit were held: a refused question (its text, its files) costs nothing.
    projectReportDecider.decide(
      {
        ...command,
        data: { ...command.data, access: { project: standingOf(project), offerCreditSpent: true } },
      },
      projectReportDecider.initialState(),
    );
    const spend = await this.spendOn(actor, project, 'offer', projectId);
    const message = await this.refundIfClosed(actor, spend, () =>
      this.post(actor, projectId, command),
    );
    return { ...message, spentNow: spend.spentNow };
  }

  /** POST …/messages: the client, or a provider holding the "offre" credit. */
  async postMessage(
    actor: BidActor,
    projectId: string,
    input: { text: string; fileIds: string[]; key?: string },
  ) {
    await this.existing(projectId);
    return this.post(actor, projectId, this.postCommand(actor, projectId, 'message', input));
  }

  private postCommand(
    actor: BidActor,
    projectId: string,
    kind: ReportMessageKind,
    input: { text: string; fileIds: string[]; key?: string },
  ): ProjectReportCommand {
    return {
      type: 'PostProjectMessage',
      data: {
        messageId: projectMessageId(projectId, actor.accountId, input.key),
        projectId,
        kind,
        text: input.text,
        fileIds: input.fileIds.map((id) => id.toLowerCase()),
        access: { project: UNKNOWN_PROJECT, offerCreditSpent: false },
      },
      meta: this.meta(actor),
    };
  }

  private async post(
    actor: BidActor,
    projectId: string,
    command: ProjectReportCommand,
  ): Promise<ReportMessageView> {
    const { messageId } = command.data;
    const result = await this.commands.execute<
      ProjectReportCommandMessage,
      HandleResult<ProjectReportState, ProjectReportEvent>
    >(new ProjectReportCommandMessage(projectId, command, actor.causation));
    const posted = result.events[0];
    if (posted) {
      const { messageId: id, authorId, authorRole, text, fileIds, postedAt } = posted.data;
      return {
        messageId: id,
        authorId,
        authorRole,
        kind: posted.data.kind,
        text,
        fileIds,
        postedAt,
      };
    }
    // A replay (same Idempotency-Key): the message as it was posted.
    const events = await this.store.readStream(`project_report-${projectId}`);
    const found = events.find((e) => (e.data as { messageId: string }).messageId === messageId);
    const d = found!.data as ReportMessageView;
    return {
      messageId: d.messageId,
      authorId: d.authorId,
      authorRole: d.authorRole,
      kind: d.kind,
      text: d.text,
      fileIds: d.fileIds,
      postedAt: d.postedAt,
    };
  }

  /** POST …/contact: the "contact direct" credit, then the client's details read from identity now. */
  async contact(actor: BidActor, projectId: string) {
    const project = await this.existing(projectId);
    const client = project.brief.clientId;
    // Read before the spend: an erased client refuses the request before any credit is spent.
    const details = await this.contactOf(client, projectId);
    const spend = await this.spendOn(actor, project, 'direct_contact', projectId);
    return { projectId, clientId: client, ...details, spentNow: spend.spentNow };
  }

  private async contactOf(clientId: string, projectId: string) {
    const contact = await this.queries.execute<GetAccountContactQuery, AccountContact>(
      new GetAccountContactQuery(clientId),
    );
    if (contact.status !== 'open') throw clientContactErased(projectId);
    return { name: contact.displayName, email: contact.email, phone: contact.phone };
  }

  /** GET …/report. */
  async report(actor: BidActor, projectId: string): Promise<ReportView> {
    const project = await this.existing(projectId);
    if (actor.role !== 'provider' && project.brief.clientId !== actor.accountId)
      throw tenderProjectNotFound(projectId);
    return this.reportOf(actor, project, projectId);
  }

  private async reportOf(
    actor: BidActor,
    project: ProjectState & { brief: NonNullable<ProjectState['brief']> },
    projectId: string,
  ): Promise<ReportView> {
    const isClient = project.brief.clientId === actor.accountId;
    const has = (kind: CreditKind) =>
      this.credits.hasSpent(actor.accountId, kind, subject(projectId));
    const [spent, allOffers, allMessages] = await Promise.all([
      isClient
        ? null
        : Promise.all([has('consultation'), has('offer'), has('direct_contact')]).then(
            ([consultation, offer, direct_contact]) => ({ consultation, offer, direct_contact }),
          ),
      this.reader.offersOf(projectId),
      this.reader.messagesOf(projectId),
    ]);
    const access: ReportView['access'] = isClient ? 'client' : spent!.consultation ? 'full' : 'own';
    let offers = allOffers;
    let messages = allMessages;
    if (access === 'own') {
      offers = offers.filter((o) => o.providerId === actor.accountId);
      messages = messages.filter((m) => m.authorId === actor.accountId);
    }
    if (isClient) offers = await this.markRead(actor, offers);
    const { brief } = project;
    const winner = project.providerId === actor.accountId;
    const selection =
      project.providerId && (isClient || winner)
        ? {
            providerId: project.providerId,
            offerId: project.offerId,
            terms: project.terms,
            selectedAt: project.selectedAt,
            signed: project.status === 'signed' || project.status === 'finished',
            notice: winner && project.status === 'selected' ? WON_NOTICE : null,
          }
        : null;
    return {
      projectId,
      status: project.status,
      statusLabel: PROJECT_STATUS_LABELS[project.status],
      access,
      brief: {
        title: brief.title,
        description: brief.description,
        category: brief.category,
        budgetMinCents: brief.budgetMinCents,
        budgetMaxCents: brief.budgetMaxCents,
        wishedDeadline: brief.wishedDeadline,
        attachmentFileIds: brief.attachmentFileIds,
        postedAt: brief.postedAt,
      },
      offers,
      messages,
      selection,
      myCredits: spent,
    };
  }

  /** GET /me/project-offers. */
  myOffers(actor: BidActor, page: { limit: number; offset: number }) {
    return this.reader.offersOfProvider(actor.accountId, page);
  }
}
