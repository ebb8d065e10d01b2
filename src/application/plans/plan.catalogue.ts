import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PlanInput } from '../../domain/plans';
import { DomainError } from '../../domain/shared';
import type { CommandMeta } from '../../domain/shared';
import { serviceTypeIdFor } from '../missions/service-type.messages';
import type { CausationContext } from '../shared/command-handling';
import { planIdFor, PlanCommandMessage } from './plan.messages';

/**
 * The default catalogue (docs/plans.md): the Pro subscription of seed 000, two credit
 * subscriptions of seed 003 and two hour packs at a reduced rate on the default service types
 * (`service-types seed`), priced below the usual ~25 € an hour.
 */
export const DEFAULT_PLANS: readonly PlanInput[] = [
  {
    kind: 'pro',
    name: 'Pro',
    description:
      'L’abonnement Pro : plus de visibilité auprès des clients, sans rien changer à la protection des paiements.',
    priceTtcCents: 1_990,
    period: 'month',
    benefits: [
      'Meilleure visibilité auprès des clients',
      'Profil mis en avant dans les résultats',
      'Plus de demandes de missions',
      'Accès prioritaire aux nouvelles fonctionnalités',
    ],
    credits: {},
    hourPack: null,
  },
  {
    kind: 'credits',
    name: 'Crédits Essentiel',
    description:
      'Chaque mois, des crédits pour consulter des projets, envoyer des offres et contacter directement des clients.',
    priceTtcCents: 2_900,
    period: 'month',
    benefits: [
      '10 consultations de projets par mois',
      '5 offres par mois',
      '2 contacts directs par mois',
      'Reconduction tacite, résiliable à tout moment',
    ],
    credits: { consultation: 10, offer: 5, direct_contact: 2 },
    hourPack: null,
  },
  {
    kind: 'credits',
    name: 'Crédits Intensif',
    description:
      'Pour les prestataires très actifs : quatre fois plus de crédits, par trimestre, à un tarif dégressif.',
    priceTtcCents: 7_900,
    period: 'quarter',
    benefits: [
      '40 consultations de projets par trimestre',
      '20 offres par trimestre',
      '8 contacts directs par trimestre',
      'Reconduction tacite, résiliable à tout moment',
    ],
    credits: { consultation: 40, offer: 20, direct_contact: 8 },
    hourPack: null,
  },
  {
    kind: 'hour_pack',
    name: 'Pack Ménage 10 h',
    description:
      'Dix heures de ménage à domicile à tarif réduit, à utiliser en une ou plusieurs missions.',
    priceTtcCents: 22_000,
    period: null,
    benefits: [
      '22 € de l’heure au lieu d’environ 25 €',
      'Valable 12 mois',
      'Heures rendues si la mission est annulée',
    ],
    credits: {},
    hourPack: { serviceTypeId: serviceTypeIdFor('Ménage'), minutes: 600, validityMonths: 12 },
  },
  {
    kind: 'hour_pack',
    name: 'Pack Jardinage 20 h',
    description:
      'Vingt heures de jardinage à tarif réduit : tonte, haies, désherbage, au fil des saisons.',
    priceTtcCents: 44_000,
    period: null,
    benefits: [
      '22 € de l’heure au lieu d’environ 25 €',
      'Valable 12 mois',
      'Heures rendues si la mission est annulée',
    ],
    credits: {},
    hourPack: { serviceTypeId: serviceTypeIdFor('Jardinage'), minutes: 1_200, validityMonths: 12 },
  },
];

export interface PlanSeedResult {
  created: { planId: string; name: string }[];
  /** Already in the catalogue (same id), left as they are: retired ones stay retired. */
  existing: { planId: string; name: string }[];
  /** Hour packs whose service type is missing or retired (run `service-types seed` first). */
  skipped: { planId: string; name: string; reason: string }[];
}

/** Fills the catalogue with the default plans, idempotently: a second run defines nothing. */
@Injectable()
export class PlanCatalogueSeed {
  constructor(private readonly commandBus: CommandBus) {}

  async seed(
    meta: CommandMeta,
    causation: CausationContext = { correlationId: 'plans:seed' },
    plans: readonly PlanInput[] = DEFAULT_PLANS,
  ): Promise<PlanSeedResult> {
    const result: PlanSeedResult = { created: [], existing: [], skipped: [] };
    for (const plan of plans) {
      const planId = planIdFor(plan.name);
      try {
        await this.commandBus.execute(
          new PlanCommandMessage(
            planId,
            { type: 'DefinePlan', data: { planId, ...plan }, meta },
            causation,
          ),
        );
        result.created.push({ planId, name: plan.name });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'PLAN_EXISTS') result.existing.push({ planId, name: plan.name });
        else if (error.code === 'PLAN_SERVICE_TYPE_UNAVAILABLE')
          result.skipped.push({ planId, name: plan.name, reason: error.code });
        else throw error;
      }
    }
    return result;
  }
}
