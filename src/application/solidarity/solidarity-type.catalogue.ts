import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { SolidarityTypeDetails } from '../../domain/solidarity';
import { DomainError, type CommandMeta } from '../../domain/shared';
import type { CausationContext } from '../shared/command-handling';
import { solidarityTypeIdFor, SolidarityTypeCommandMessage } from './solidarity-type.messages';

/** The default list (issue 18): labels users see. */
export const DEFAULT_SOLIDARITY_TYPES: readonly SolidarityTypeDetails[] = [
  {
    label: 'Aide alimentaire',
    description: 'Collectes, tri et distribution de denrées, épiceries et repas solidaires.',
  },
  {
    label: 'Aide aux personnes âgées',
    description: 'Visites de convivialité, accompagnement aux courses et aux rendez-vous.',
  },
  {
    label: 'Soutien aux bénéficiaires du RSA',
    description: 'Accompagnement dans les démarches, ateliers CV et recherche d’emploi.',
  },
  {
    label: 'Soutien aux personnes en situation de handicap',
    description: 'Accompagnement aux sorties et aux activités, aide aux gestes du quotidien.',
  },
];

export interface SolidarityTypeSeedResult {
  created: { solidarityTypeId: string; label: string }[];
  /** Already defined (same slug), left as they are: retired ones stay retired. */
  existing: { solidarityTypeId: string; label: string }[];
}

/** Defines the default types, idempotently: a second run creates nothing. */
@Injectable()
export class SolidarityTypeCatalogue {
  constructor(private readonly commandBus: CommandBus) {}

  async seed(
    meta: CommandMeta,
    causation: CausationContext = { correlationId: 'solidarity-types:seed' },
    types: readonly SolidarityTypeDetails[] = DEFAULT_SOLIDARITY_TYPES,
  ): Promise<SolidarityTypeSeedResult> {
    const result: SolidarityTypeSeedResult = { created: [], existing: [] };
    for (const type of types) {
      const solidarityTypeId = solidarityTypeIdFor(type.label);
      try {
        await this.commandBus.execute(
          new SolidarityTypeCommandMessage(
            solidarityTypeId,
            { type: 'DefineSolidarityType', data: { solidarityTypeId, ...type }, meta },
            causation,
          ),
        );
        result.created.push({ solidarityTypeId, label: type.label });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'SOLIDARITY_TYPE_EXISTS') throw error;
        result.existing.push({ solidarityTypeId, label: type.label });
      }
    }
    return result;
  }
}
