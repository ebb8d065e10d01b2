import { pdfText } from '../../../test/support/pdf-text';
import { frenchDateTime, renderInterventionSheetPdf } from './intervention-sheet-pdf';
import { SAMPLE_SHEET } from './intervention-sheet.fixtures.spec';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the intervention sheet (seed 002 "La fiche d’intervention")', () => {
  it('prints the employer part: both parties, the date and details of the intervention, signature boxes', async () => {
    const text = flat(pdfText(await renderInterventionSheetPdf(SAMPLE_SHEET)));
    expect(text).toContain('FICHE D’INTERVENTION');
    expect(text).toContain('PARTIE EMPLOYEUR');
    expect(text).toContain('Employeur (particulier)');
    expect(text).toContain('Claire Martin');
    expect(text).toContain('3 place Bellecour');
    expect(text).toContain('Ana Ménage');
    expect(text).toContain('Référence intervenant : PR-7K3Q9');
    expect(text).toContain('Date et heure : mardi 15 décembre 2026 à 14 h 00');
    expect(text).toContain('Durée estimée : 2 h 30');
    expect(text).toContain('Lieu : 12 rue des Lilas, 69003 Lyon');
    expect(text).toContain('75,00 €');
    expect(text).toContain('Appartement de 60 m², produits fournis.');
    expect(text.match(/Signature de l’employeur/g)).toHaveLength(2);
    expect(text.match(/Signature de l’intervenant/g)).toHaveLength(2);
  });

  it('puts the provider’s detachable coupon below the cut line', async () => {
    const text = flat(pdfText(await renderInterventionSheetPdf(SAMPLE_SHEET)));
    const cut = text.indexOf('Découper ici');
    expect(cut).toBeGreaterThan(text.indexOf('PARTIE EMPLOYEUR'));
    const coupon = text.slice(cut);
    expect(coupon).toContain('PARTIE INTERVENANT — coupon détachable');
    expect(coupon).toContain('Numéro de la demande : M-6F1C2D3E');
    expect(coupon).toContain('Date de l’intervention : mardi 15 décembre 2026 à 14 h 00');
    expect(coupon).toContain('Type de service : Ménage');
    expect(coupon).toContain('Signature de l’intervenant');
  });

  it('says so when the employer was erased or no provider has accepted yet', async () => {
    const text = flat(
      pdfText(
        await renderInterventionSheetPdf({
          ...SAMPLE_SHEET,
          employer: { ...SAMPLE_SHEET.employer, displayName: null, address: null },
          provider: null,
          place: { ...SAMPLE_SHEET.place, address: null },
          details: null,
        }),
      ),
    );
    expect(text).toContain('Nom non disponible');
    expect(text).toContain('Intervenant pas encore confirmé');
    expect(text).toContain('Lieu : 69003 Lyon');
    expect(text).not.toContain('Claire Martin');
  });

  it('dates the intervention in French local time, summer and winter', () => {
    expect(frenchDateTime('2026-07-01T07:30:00.000Z')).toBe('mercredi 1 juillet 2026 à 09 h 30');
    expect(frenchDateTime('2026-01-05T23:15:00.000Z')).toBe('mardi 6 janvier 2026 à 00 h 15');
  });
});
