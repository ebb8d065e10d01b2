import { Decider } from '../shared';
import type { GigCommand } from './gig.commands';
import { decide } from './gig.decide';
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
  GigDetailsInput,
  GigExtraInput,
  OwnGigsFinding,
  PauseGig,
  SimilarOwnGig,
  PublishGig,
  UpdateGig,
} from './gig.commands';
export { GigErrorCode } from './gig.errors';
export { GIG_RULES } from './gig.guards';
export * from './commission';
