/**
 * The one place the application reads the time (controllers, services, jobs, reactors); deciders
 * take `now` from the command, so one override in a test moves every reader at once.
 */
export abstract class Clock {
  abstract now(): Date;

  /**
   * Catches up with a clock shared between processes (the test clock) before work that must
   * see its latest reading, such as a job run; every other clock is always current.
   */
  sync(): Promise<void> {
    return Promise.resolve();
  }
}

/** The only reader of the system time; provided once, globally, by InfrastructureModule. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to; for tests and replays. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Real time shifted by a fixed offset: lets an end-to-end test stand days ahead while delays stay real. */
export class OffsetClock extends Clock {
  constructor(private offsetMs = 0) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves the clock so that it reads `instant` now. */
  jumpTo(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
}
