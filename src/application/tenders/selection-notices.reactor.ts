import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ProjectProviderSelected } from '../../domain/tenders';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { BidsReader } from './bids-reader.port';
import { loadProject } from './project-standing';

/**
 * Sent to every provider who lost a tender (seed 003, Étape 2: "un mail d'information que vous
 * avez perdu l'appel d'offres, qui contient également un certain nombre de recommandations").
 */
export const LOST_TENDER_RECOMMENDATIONS: readonly string[] = [
  'Consommez un crédit « consultation » avant de faire votre offre : les offres des autres prestataires et les échanges avec le client vous aident à vous positionner.',
  'Répondez vite : les clients sélectionnent souvent parmi les premières offres reçues. Activez la newsletter quotidienne pour voir les nouveaux projets dès leur publication.',
  'Personnalisez votre message : reformulez le besoin du client, proposez une méthode, un planning et des livrables précis plutôt qu’un texte générique.',
  'Sans réponse sous 24 à 48 heures, utilisez un crédit « contact direct » et appelez le client : un échange de vive voix fait souvent la différence.',
  'Soignez votre profil : photo, portfolio et références certifiées rassurent les clients et augmentent vos chances d’être sélectionné.',
];

export class TenderBidsBehind extends Error {
  constructor(projectId: string) {
    super(`The tender_bids read model has not applied the selection of ${projectId} yet`);
    this.name = 'TenderBidsBehind';
  }
}

/**
 * On a selection (`ProjectProviderSelected`): the winner is told to confirm the terms
 * (`tenders.offer_won`) and every other author of an offer that they lost, with advice
 * (`tenders.offer_lost`). The authors come from the `tender_bids` read model once it has applied
 * the selection (until then the event is retried), so no offer made before it is missed. Each
 * e-mail's idempotency key is the event and the recipient: a redelivery sends nothing twice.
 */
@Injectable()
export class SelectionNoticesReactor implements Reactor {
  readonly name = 'tenders.selection_notices';
  readonly filter = { categories: ['project'], eventTypePrefixes: ['ProjectProviderSelected'] };
  private readonly logger = new Logger('SelectionNoticesReactor');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: BidsReader,
    private readonly notifications: Notifications,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'ProjectProviderSelected') return;
    const d = event.data as ProjectProviderSelected['data'];
    const bidders = await this.reader.biddersOf(d.projectId, event.position);
    if (bidders === null) throw new TenderBidsBehind(d.projectId);
    const title = (await loadProject(this.store, d.projectId)).brief?.title ?? '';
    await this.send(event, d.providerId, 'tenders.offer_won', {
      projectId: d.projectId,
      title,
      amountCents: d.terms.amountCents,
      delayDays: d.terms.delayDays,
      formula: d.terms.formula,
      feePayer: d.terms.feePayer,
    });
    for (const providerId of new Set(bidders))
      if (providerId !== d.providerId)
        await this.send(event, providerId, 'tenders.offer_lost', {
          projectId: d.projectId,
          title,
          recommendations: [...LOST_TENDER_RECOMMENDATIONS],
        });
  }

  private async send(
    event: RecordedEvent,
    accountId: string,
    template: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.notifications.send({
        to: { accountId },
        template,
        data,
        idempotencyKey: `${template}:${event.id}:${accountId}`,
      });
    } catch (error) {
      if (error instanceof NoRecipientError) this.logger.warn(`no e-mail for ${accountId}`);
      else throw error;
    }
  }
}
