import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  SOLIDARITY_TYPE_STATUS_LABELS,
  solidarityTypeDecider,
  type SolidarityTypeStatus,
} from '../../domain/solidarity';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { solidarityTypeStream } from './solidarity-type.messages';

export interface SolidarityTypeView {
  solidarityTypeId: string;
  label: string;
  description: string;
  status: SolidarityTypeStatus;
  statusLabel: string;
  revision: string;
}

/** Published contract: one solidarity type read from its stream (no projection lag), or null. */
export class GetSolidarityTypeQuery extends Query<SolidarityTypeView | null> {
  constructor(readonly solidarityTypeId: string) {
    super();
  }
}

@QueryHandler(GetSolidarityTypeQuery)
export class GetSolidarityTypeHandler implements IQueryHandler<
  GetSolidarityTypeQuery,
  SolidarityTypeView | null
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ solidarityTypeId }: GetSolidarityTypeQuery): Promise<SolidarityTypeView | null> {
    // A slug only: anything else names no stream.
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(solidarityTypeId) || solidarityTypeId.length > 100)
      return null;
    const { state, revision } = await loadAggregate(
      this.store,
      solidarityTypeStream(solidarityTypeId),
      solidarityTypeDecider,
    );
    if (state.status === 'none' || revision === null) return null;
    return {
      solidarityTypeId: state.solidarityTypeId,
      ...state.details,
      status: state.status,
      statusLabel: SOLIDARITY_TYPE_STATUS_LABELS[state.status],
      revision: revision.toString(),
    };
  }
}
