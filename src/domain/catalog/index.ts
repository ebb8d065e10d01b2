import { Decider } from '../shared';
import { decide, GigCommand } from './gig.decide';
import { GigEvent } from './gig.events';
import { evolve, GigState, initialState } from './gig.state';

export const gigDecider: Decider<GigCommand, GigState, GigEvent> = { decide, evolve, initialState };

export * from './gig.events';
export { GIG_STATUS_LABELS } from './gig.state';
export type { ExistingGig, GigState, GigStatus } from './gig.state';
export type {
  ArchiveGig,
  CreateGig,
  GigCommand,
  PauseGig,
  PublishGig,
  UpdateGig,
} from './gig.decide';
export { GigErrorCode } from './gig.errors';
export { GIG_RULES } from './gig.validation';
export type { GigDetailsInput, GigExtraInput } from './gig.validation';
export * from './commission';
