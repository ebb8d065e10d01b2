/** A section of `/health` that a module adds (projections, reactors, queues). */
export interface HealthContributor {
  readonly key: string;
  check(): Promise<{ healthy: boolean; details: Record<string, unknown> }>;
}

/** Modules register their health sections here, as reactors are registered with `ReactorRegistry`. */
export abstract class HealthRegistry {
  abstract register(contributor: HealthContributor): void;
}

/** The in-memory registry `/health` reads, in registration order. */
export class HealthContributors extends HealthRegistry {
  private readonly registered: HealthContributor[] = [];

  register(contributor: HealthContributor): void {
    this.registered.push(contributor);
  }

  list(): readonly HealthContributor[] {
    return this.registered;
  }
}
