import { Inject, Injectable } from '@nestjs/common';
import { planSnapshot, planStream, PlanSnapshot } from '../../domain/plans';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { PlanCatalog } from './plan-catalog.port';

/** Reads a plan by folding its stream (a handful of events): always the version in force now. */
@Injectable()
export class EventStorePlanCatalog implements PlanCatalog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(planId: string): Promise<PlanSnapshot | null> {
    return planSnapshot(await this.store.readStream(planStream(planId)));
  }
}
