import fc from 'fast-check';
import { DomainError } from '../shared';
import type { SolidarityMissionCommand } from './solidarity-mission.commands';
import { solidarityMissionDecider } from './solidarity-mission.decider';
import type { SolidarityMissionEvent } from './solidarity-mission.events';
import { placesLeft, type SolidarityMissionState } from './solidarity-mission.state';
import { proposed, signUp, withdraw } from './solidarity-mission.fixtures.spec';

const VOLUNTEERS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
const { decide, evolve } = solidarityMissionDecider;

/**
 * Any sequence of sign-ups and withdrawals before the start: never more volunteers than places,
 * a volunteer at most once, `full` exactly when no place is left, one SolidarityMissionFilled per
 * time it fills, and every refusal a domain error with a stable code.
 */
describe('solidarity mission: sign-ups and withdrawals in any order', () => {
  it('keeps the places exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...VOLUNTEERS)), { maxLength: 40 }),
        (needed, steps) => {
          const first = {
            ...proposed,
            data: { ...proposed.data, volunteersNeeded: needed },
          } as SolidarityMissionEvent;
          let state: SolidarityMissionState = evolve(
            solidarityMissionDecider.initialState(),
            first,
          );
          let fills = 0;
          let wasFull = false;
          for (const [join, volunteer] of steps) {
            const command: SolidarityMissionCommand = join
              ? signUp(volunteer)
              : withdraw(volunteer);
            let events: SolidarityMissionEvent[] = [];
            try {
              events = decide(command, state);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect(['ALREADY_SIGNED_UP', 'SOLIDARITY_MISSION_FULL', 'NOT_SIGNED_UP']).toContain(
                (error as DomainError).code,
              );
            }
            state = events.reduce(evolve, state);
            fills += events.filter((e) => e.type === 'SolidarityMissionFilled').length;
            if (
              state.status === 'none' ||
              state.status === 'cancelled' ||
              state.status === 'completed'
            )
              throw new Error('unexpected status');
            expect(state.volunteers.length).toBeLessThanOrEqual(needed);
            expect(new Set(state.volunteers).size).toBe(state.volunteers.length);
            expect(state.status === 'full').toBe(placesLeft(state) === 0);
            if (state.status === 'full' && !wasFull)
              expect(events.map((e) => e.type)).toContain('SolidarityMissionFilled');
            wasFull = state.status === 'full';
          }
          expect(fills).toBeGreaterThanOrEqual(wasFull ? 1 : 0);
        },
      ),
    );
  });
});
