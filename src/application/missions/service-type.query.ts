import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  SERVICE_TYPE_STATUS_LABELS,
  serviceTypeDecider,
  type ServiceTypeStatus,
} from '../../domain/missions/offers';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { serviceTypeStream } from './service-type.messages';

/** A service type as the catalogue publishes it to the rest of the missions context. */
export interface ServiceTypeView {
  serviceTypeId: string;
  label: string;
  description: string;
  category: string;
  status: ServiceTypeStatus;
  statusLabel: string;
  /** The stream's revision, usable as `If-Match`. */
  revision: string;
}

/** Published contract: one service type read from its stream (no projection lag), or null. */
export class GetServiceTypeQuery extends Query<ServiceTypeView | null> {
  constructor(readonly serviceTypeId: string) {
    super();
  }
}

@QueryHandler(GetServiceTypeQuery)
export class GetServiceTypeHandler implements IQueryHandler<
  GetServiceTypeQuery,
  ServiceTypeView | null
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ serviceTypeId }: GetServiceTypeQuery): Promise<ServiceTypeView | null> {
    const { state, revision } = await loadAggregate(
      this.store,
      serviceTypeStream(serviceTypeId),
      serviceTypeDecider,
    );
    if (state.status === 'none' || revision === null) return null;
    return {
      serviceTypeId: state.serviceTypeId,
      ...state.details,
      status: state.status,
      statusLabel: SERVICE_TYPE_STATUS_LABELS[state.status],
      revision: revision.toString(),
    };
  }
}
