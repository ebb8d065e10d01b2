import { renderNotification } from './notification-templates';

describe('the daily digest e-mail', () => {
  const project = (n: number) => ({
    projectId: `p${n}`,
    title: `Site vitrine ${n}`,
    categoryLabel: 'Développement web',
    budgetMinCents: 50_000,
    budgetMaxCents: 150_000,
  });

  it('lists each project with its category and budget, and ends with the unsubscribe link', () => {
    const { subject, text } = renderNotification('tenders.daily_digest', {
      day: '2026-03-02',
      total: 2,
      projects: [project(1), project(2)],
      unsubscribeUrl: '/tender-digest/unsubscribe?token=abc',
    });
    expect(subject).toBe('2 nouveau(x) projet(s) pour vous — 2 mars 2026');
    expect(text).toMatch(/• Site vitrine 1 — Développement web, budget 500\s€ à 1\s500\s€/);
    expect(text).toContain('• Site vitrine 2');
    expect(text.trimEnd().endsWith('/tender-digest/unsubscribe?token=abc')).toBe(true);
  });

  it('counts the projects the e-mail does not list', () => {
    const { text } = renderNotification('tenders.daily_digest', {
      day: '2026-03-02',
      total: 52,
      projects: Array.from({ length: 50 }, (_, i) => project(i)),
      unsubscribeUrl: '/u',
    });
    expect(text).toContain('… et 2 autre(s) dans « Projets disponibles ».');
  });
});
