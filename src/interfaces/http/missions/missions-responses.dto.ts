import { ApiProperty } from '@nestjs/swagger';
import { MISSION_STATUSES } from '../../../domain/missions';

const MISSION_ID_EXAMPLE = '5b8f0c2e-1d3a-4e7b-9c6d-2a4f6e8b0c1d';

/** What every state change of a mission answers. */
export class MissionChangeResponse {
  @ApiProperty({ example: MISSION_ID_EXAMPLE })
  missionId!: string;

  @ApiProperty({ enum: MISSION_STATUSES, example: 'confirmed' })
  status!: string;

  @ApiProperty({
    description:
      'French label shown to users: En attente de réponse, Rendez-vous confirmé, Mission terminée, Problème signalé, Litige résolu, Annulée, Expirée.',
    example: 'Rendez-vous confirmé',
  })
  statusLabel!: string;

  @ApiProperty({ description: 'Mission stream revision, for If-Match.', example: '3' })
  revision!: string;
}

export class PublishedMissionResponse extends MissionChangeResponse {
  @ApiProperty({ example: '9d7c5b3a-1e2f-4a6b-8c0d-4e6f8a0b2c4d' })
  escrowId!: string;

  @ApiProperty({
    description:
      'What is reserved on the card: the highest price among the providers the request went to (the accepting provider’s price applies and the rest is given back at once).',
    example: 9_000,
  })
  reservedCents!: number;

  @ApiProperty({
    enum: ['authorise_now', 'authorise_later', 'hour_pack'],
    description:
      '`authorise_now`: the card is authorised now. `authorise_later`: the mission is too far out for one authorisation to last until its validation; the card is saved and authorised automatically at `authoriseAt` (the client is told if that fails). Never charged before validation. `hour_pack`: paid from the client’s hour pack (`hourPackId`), no card: the pack reserves the duration at confirmation and uses it at validation.',
    example: 'authorise_now',
  })
  paymentPlan!: 'authorise_now' | 'authorise_later' | 'hour_pack';

  @ApiProperty({ example: '2026-12-02T10:00:00.000Z' })
  authoriseAt!: string;

  @ApiProperty({
    description:
      'Providers answer by then; with no acceptance the request expires and the money is released.',
    example: '2026-12-03T10:00:00.000Z',
  })
  respondBy!: string;

  @ApiProperty({
    description:
      'The written rule shown to the client: without validation ("Mission terminée ✔") or a reported problem by then, the mission is validated automatically.',
    example: '2026-12-12T10:00:00.000Z',
  })
  autoValidateAt!: string;

  @ApiProperty({ description: 'How many providers the request was sent to.', example: 3 })
  candidates!: number;

  @ApiProperty({ enum: ['dispatch', 'direct'], example: 'dispatch' })
  targeting!: 'dispatch' | 'direct';
}

export class ChangeProposedResponse extends MissionChangeResponse {
  @ApiProperty({ example: 'e4c2a0b8-6d4f-4b2a-9e8c-7a5b3c1d9e0f' })
  proposalId!: string;

  @ApiProperty({
    description: "The price the proposed terms imply with the provider's pricing.",
    example: 13_500,
  })
  priceCents!: number;
}

export class MissionMessagePostedResponse extends MissionChangeResponse {
  @ApiProperty({ example: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' })
  messageId!: string;
}
