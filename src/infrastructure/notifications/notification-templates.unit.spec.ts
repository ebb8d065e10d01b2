import { renderNotification } from './notification-templates';

describe('notification texts of local missions', () => {
  const base = {
    missionId: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e',
    serviceTypeLabel: 'Ménage',
    startsAt: '2026-12-14T09:00:00.000Z',
  };

  it('tells the client a later authorisation failed, when it is tried again, and that nothing is charged', () => {
    const { subject, text } = renderNotification('missions.authorisation_failed', {
      ...base,
      attempt: 1,
      reason: 'card_declined',
      nextAttemptAt: '2026-12-08T15:00:00.000Z',
      willBeCancelled: false,
    });
    expect(subject).toBe('Paiement refusé pour votre mission « Ménage »');
    expect(text).toContain('lundi 14 décembre 2026 à 10:00');
    expect(text).toContain('mardi 8 décembre 2026 à 16:00');
    expect(text).toContain('autre carte');
  });

  it('says the mission is cancelled after the last attempt', () => {
    const { text } = renderNotification('missions.authorisation_failed', {
      ...base,
      attempt: 3,
      reason: 'card_declined',
      nextAttemptAt: null,
      willBeCancelled: true,
    });
    expect(text).toContain('la mission est annulée et vous ne serez pas débité');
  });

  it('reminds the client of the automatic validation rule they were shown, with its date and amount', () => {
    const { subject, text } = renderNotification('missions.validation_reminder', {
      ...base,
      priceCents: 7_500,
      autoValidateAt: '2026-12-16T11:00:00.000Z',
    });
    expect(subject).toBe('Votre mission « Ménage » est-elle terminée ?');
    expect(text).toContain('75,00');
    expect(text).toContain('validée automatiquement le mercredi 16 décembre 2026 à 12:00');
  });
});
