import { Decider, DomainEvent, DomainError } from '../../src/domain/shared';

/**
 * given(events).when(command).then(events) / .thenThrows(code), for pure deciders.
 *
 *   const spec = DeciderSpecification.for(orderDecider);
 *   spec.given([placed]).when(start).then([started]);
 */
export class DeciderSpecification<Command, State, Event extends DomainEvent> {
  private constructor(private readonly decider: Decider<Command, State, Event>) {}

  static for<C, S, E extends DomainEvent>(decider: Decider<C, S, E>): DeciderSpecification<C, S, E> {
    return new DeciderSpecification(decider);
  }

  given(events: Event[]) {
    const decider = this.decider;
    const state = () => events.reduce(decider.evolve, decider.initialState());
    return {
      state,
      when(command: Command) {
        const run = () => decider.decide(command, state());
        return {
          then(expected: Event[]): void {
            expect(run()).toEqual(expected);
          },
          thenMatches(check: (events: Event[]) => void): void {
            check(run());
          },
          thenThrows(code: string, details?: Record<string, unknown>): void {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(DomainError);
            expect((thrown as DomainError).code).toBe(code);
            if (details) expect((thrown as DomainError).details).toMatchObject(details);
          },
        };
      },
    };
  }
}
