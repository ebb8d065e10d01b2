/**
 * Which type currently shows a label (by slug), read from the service-types read model. Used
 * best-effort when a type is renamed or created, since a renamed type keeps its first id.
 */
export abstract class ServiceTypeLabels {
  /** The id of a type whose current label has this slug, other than `exceptId`; null when none. */
  abstract holderOf(slug: string, exceptId: string): Promise<string | null>;
}
