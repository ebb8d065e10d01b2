import type { Command } from '../shared';
import type { SolidarityTypeDetails } from './solidarity-type.events';

/** What staff type; trimmed and checked by the decider. */
export type SolidarityTypeInput = SolidarityTypeDetails;

/** `solidarityTypeId` must be the slug of the label (the application derives it). */
export type DefineSolidarityType = Command<
  'DefineSolidarityType',
  SolidarityTypeInput & { solidarityTypeId: string }
>;

export type ReviseSolidarityType = Command<
  'ReviseSolidarityType',
  SolidarityTypeInput & { solidarityTypeId: string }
>;

export type RetireSolidarityType = Command<'RetireSolidarityType', { solidarityTypeId: string }>;

export type SolidarityTypeCommand =
  DefineSolidarityType | ReviseSolidarityType | RetireSolidarityType;
