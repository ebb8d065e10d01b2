import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ServiceTypeDetails } from '../../domain/missions/offers';
import { DomainError } from '../../domain/shared';
import type { CommandMeta } from '../../domain/shared';
import type { CausationContext } from '../shared/command-handling';
import { serviceTypeIdFor, ServiceTypeCommandMessage } from './service-type.messages';

/** The default catalogue: the services of seed 000 and common home services (labels users see). */
export const DEFAULT_SERVICE_TYPES: readonly ServiceTypeDetails[] = [
  {
    label: 'Ménage',
    category: 'home',
    description: 'Entretien courant du logement : sols, poussières, cuisine, salle de bain.',
  },
  {
    label: 'Repassage',
    category: 'home',
    description: 'Repassage et pliage du linge, à domicile.',
  },
  {
    label: 'Jardinage',
    category: 'garden',
    description: 'Tonte, taille des haies, désherbage, entretien des massifs.',
  },
  {
    label: 'Bricolage',
    category: 'repairs',
    description: 'Petites réparations et installations : fixations, étagères, joints.',
  },
  {
    label: 'Petits travaux',
    category: 'repairs',
    description: 'Travaux ponctuels dans la maison ou l’appartement.',
  },
  {
    label: "Garde d'enfants",
    category: 'care',
    description: 'Garde à domicile, sortie d’école, aide aux devoirs.',
  },
  {
    label: 'Aide aux personnes âgées',
    category: 'care',
    description: 'Compagnie, courses, aide aux gestes du quotidien.',
  },
  {
    label: 'Cours particuliers',
    category: 'education',
    description: 'Soutien scolaire et cours à domicile, toutes matières.',
  },
  {
    label: 'Déménagement',
    category: 'moving',
    description: 'Aide au chargement, au transport et à l’installation.',
  },
  {
    label: 'Informatique à domicile',
    category: 'it',
    description: 'Installation, dépannage et initiation : ordinateur, box, imprimante.',
  },
  {
    label: 'Soins des animaux',
    category: 'pets',
    description: 'Garde, promenade et soins des animaux de compagnie.',
  },
  {
    label: 'Plomberie',
    category: 'repairs',
    description: 'Fuites, robinetterie, évacuations, petits raccordements.',
  },
  {
    label: 'Électricité',
    category: 'repairs',
    description: 'Prises, interrupteurs, luminaires, petits dépannages.',
  },
  {
    label: 'Peinture',
    category: 'repairs',
    description: 'Peinture des murs et plafonds, préparation des surfaces.',
  },
  {
    label: 'Montage de meubles',
    category: 'home',
    description: 'Montage et installation de meubles en kit.',
  },
];

export interface CatalogueSeedResult {
  created: { serviceTypeId: string; label: string }[];
  /** Already in the catalogue (same slug), left as they are: retired ones stay retired. */
  existing: { serviceTypeId: string; label: string }[];
}

/** Fills the catalogue with the default types, idempotently: a second run creates nothing. */
@Injectable()
export class ServiceTypeCatalogue {
  constructor(private readonly commandBus: CommandBus) {}

  async seed(
    meta: CommandMeta,
    causation: CausationContext = { correlationId: 'service-types:seed' },
    types: readonly ServiceTypeDetails[] = DEFAULT_SERVICE_TYPES,
  ): Promise<CatalogueSeedResult> {
    const result: CatalogueSeedResult = { created: [], existing: [] };
    for (const type of types) {
      const serviceTypeId = serviceTypeIdFor(type.label);
      try {
        await this.commandBus.execute(
          new ServiceTypeCommandMessage(
            serviceTypeId,
            { type: 'CreateServiceType', data: { serviceTypeId, ...type }, meta },
            // No fixed event ids: the decider refuses a type already there, whoever created it.
            causation,
          ),
        );
        result.created.push({ serviceTypeId, label: type.label });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'SERVICE_TYPE_EXISTS') throw error;
        result.existing.push({ serviceTypeId, label: type.label });
      }
    }
    return result;
  }
}
