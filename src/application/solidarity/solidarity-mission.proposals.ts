import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  solidarityMissionForbidden,
  SolidarityMissionErrorCode,
} from '../../domain/solidarity/solidarity-mission.errors';
import type { SolidarityMissionEvent, SolidarityMissionState } from '../../domain/solidarity';
import { BusinessRuleError, type CommandMeta } from '../../domain/shared';
import { GEOCODER, type Geocoder } from '../missions/geocoder.port';
import type { CausationContext, HandleResult } from '../shared/command-handling';
import { AssociationVerification } from './solidarity-mission-association.port';
import { SolidarityMissionCommandMessage } from './solidarity-mission.messages';
import { GetSolidarityTypeQuery } from './solidarity-type.query';

export interface SolidarityMissionProposalInput {
  missionId: string;
  solidarityTypeId: string;
  title: string;
  description: string;
  place: { address: string; postalCode: string; city?: string };
  startsAt: string;
  durationMinutes: number;
  volunteersNeeded: number;
}

export const postalCodeUnknown = (postalCode: string, city?: string) =>
  new BusinessRuleError(
    'POSTAL_CODE_UNKNOWN',
    'The postal code is unknown (or the city is not one of its communes)',
    { field: 'place.postalCode', postalCode, ...(city === undefined ? {} : { city }) },
  );

/**
 * "Proposer une mission solidaire": what the pure decider cannot do happens here, before it
 * decides: the association's verification (identity), the type (its stream), the coordinates
 * (the geocoder). Nothing is written when anything is refused.
 */
@Injectable()
export class SolidarityMissionProposals {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly verification: AssociationVerification,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
  ) {}

  async propose(
    input: SolidarityMissionProposalInput,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<HandleResult<SolidarityMissionState, SolidarityMissionEvent>> {
    const verified = await this.verification.isVerified(meta.actorId, meta.now);
    if (!verified)
      throw solidarityMissionForbidden(
        SolidarityMissionErrorCode.ASSOCIATION_NOT_VERIFIED,
        'The association’s verification is not approved',
      );
    const city = input.place.city?.trim() || undefined;
    const located = await this.geocoder.locate(input.place.postalCode.trim(), city);
    if (located === null) throw postalCodeUnknown(input.place.postalCode, city);
    const type = await this.queryBus.execute(new GetSolidarityTypeQuery(input.solidarityTypeId));
    return this.commandBus.execute(
      new SolidarityMissionCommandMessage(
        input.missionId,
        {
          type: 'ProposeSolidarityMission',
          data: {
            missionId: input.missionId,
            solidarityType: type
              ? {
                  solidarityTypeId: type.solidarityTypeId,
                  label: type.label,
                  active: type.status === 'active',
                }
              : null,
            associationVerified: verified,
            title: input.title,
            description: input.description,
            place: {
              address: input.place.address,
              postalCode: located.postalCode,
              city: city ?? located.city,
              lat: located.lat,
              lng: located.lng,
            },
            startsAt: input.startsAt,
            durationMinutes: input.durationMinutes,
            volunteersNeeded: input.volunteersNeeded,
          },
          meta,
        },
        causation,
      ),
    );
  }
}
