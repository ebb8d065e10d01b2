/** The daily digest e-mail (template `tenders.daily_digest`), in French. */
const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
});
const EUROS = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

const euros = (cents: unknown) => (typeof cents === 'number' ? EUROS.format(cents / 100) : '?');

export function renderTenderDigest(d: Record<string, unknown>): { subject: string; text: string } {
  const projects = Array.isArray(d.projects) ? (d.projects as Record<string, unknown>[]) : [];
  const total = typeof d.total === 'number' ? d.total : projects.length;
  const day = typeof d.day === 'string' ? PARIS_DATE.format(new Date(`${d.day}T12:00:00Z`)) : '';
  const lines = projects.map(
    (p) =>
      `• ${String(p.title)} — ${String(p.categoryLabel)}, budget ${euros(p.budgetMinCents)} à ${euros(p.budgetMaxCents)} (projet ${String(p.projectId)})`,
  );
  const more =
    total > projects.length
      ? [`… et ${total - projects.length} autre(s) dans « Projets disponibles ».`]
      : [];
  return {
    subject: `${total} nouveau(x) projet(s) pour vous — ${day}`,
    text: [
      'Voici les projets publiés depuis hier qui correspondent à vos préférences :',
      [...lines, ...more].join('\n'),
      'Consultez-les dans « Projets disponibles ». Mettez à jour vos préférences pour recevoir des projets plus proches de votre activité.',
      `Ne plus recevoir cette newsletter : ${String(d.unsubscribeUrl)}`,
    ].join('\n\n'),
  };
}
