/**
 * The schema version each event type of an aggregate is stored with, one table per events file.
 * The event store writes it on every append; raising a version needs an upcaster from the one before.
 */
export type EventVersions<Type extends string> = Readonly<Record<Type, number>>;
