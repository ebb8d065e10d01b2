import type { CommandMeta, Decider } from '../../domain/shared';
import { MissionMoneyEvent } from './mission-money.events';

/**
 * The missions money process's own record (stream `missionmoney-<missionId>`): each gateway
 * movement is written once. A fact is keyed by what it is about (a capture or a cancellation of
 * one authorisation, the provider's payout), so a step redone after a crash records nothing new.
 */
export type RecordMissionMoneyFact = {
  type: 'RecordMissionMoneyFact';
  data: MissionMoneyEvent;
  meta: CommandMeta;
};

export interface MissionMoneyRecord {
  facts: string[];
}

export function factKey(event: MissionMoneyEvent): string {
  switch (event.type) {
    case 'MissionPaymentCaptured':
      return `captured:${event.data.paymentRef}`;
    case 'MissionAuthorisationCancelled':
      return `cancelled:${event.data.paymentRef}`;
    case 'MissionProviderPaidOut':
    case 'MissionProviderPayoutFailed':
      return 'payout';
    default:
      event satisfies never;
      return 'unknown';
  }
}

export const missionMoneyRecord: Decider<
  RecordMissionMoneyFact,
  MissionMoneyRecord,
  MissionMoneyEvent
> = {
  initialState: () => ({ facts: [] }),
  decide: (command, state) => (state.facts.includes(factKey(command.data)) ? [] : [command.data]),
  evolve: (state, event) => ({ facts: [...state.facts, factKey(event)] }),
};
