/** The placeholder every erased personal field reads as (the same as the event-store decorator's). */
export const ERASED = '[erased]';
