import { detectContactDetails, maskContactDetails } from './contact-details';

const detected = (text: string) =>
  detectContactDetails(text).map(({ kind, start, end }) => [kind, text.slice(start, end)]);

describe('Contact details in a message', () => {
  it.each([
    ['Appelez-moi au 06 12 34 56 78 demain', '06 12 34 56 78'],
    ['mon numéro : +33 6 12 34 56 78.', '+33 6 12 34 56 78'],
    ['tel 0612345678', '0612345678'],
    ['06.12.34.56.78 ou', '06.12.34.56.78'],
    ['(06-12-34-56-78)', '06-12-34-56-78'],
    ['+33612345678', '+33612345678'],
    ['0033 6 12 34 56 78', '0033 6 12 34 56 78'],
    ['+33 (0)1 23 45 67 89', '+33 (0)1 23 45 67 89'],
    ['fixe: 01 23 45 67 89', '01 23 45 67 89'],
  ])('finds the phone number in %j', (text, phone) => {
    expect(detected(text)).toEqual([['phone', phone]]);
  });

  it.each([
    ['Écrivez à jean.dupont@mail.fr merci', 'jean.dupont@mail.fr'],
    ['contact: J_Dupont+gigs@sub.example.co.uk.', 'J_Dupont+gigs@sub.example.co.uk'],
  ])('finds the e-mail address in %j', (text, email) => {
    expect(detected(text)).toEqual([['email', email]]);
  });

  it.each([
    ['payez sur paypal.me/jdupont svp', 'paypal.me/jdupont'],
    ['https://www.paypal.me/JDupont/120', 'https://www.paypal.me/JDupont/120'],
    ['revolut.me/jdupont42', 'revolut.me/jdupont42'],
    ['https://lydia-app.com/collect/abc-123', 'https://lydia-app.com/collect/abc-123'],
    ['paypal: jean@mail.fr', 'paypal: jean@mail.fr'],
    ['Mon PayPal = jdupont, merci', 'PayPal = jdupont'],
    ['envoie sur lydia: 0612345678', 'lydia: 0612345678'],
    ['mon revolut @jdupont', 'revolut @jdupont'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'FR76 3000 6000 0112 3456 7890 189'],
    ['iban: fr7630006000011234567890189', 'fr7630006000011234567890189'],
  ])('finds the payment handle in %j', (text, handle) => {
    expect(detected(text)).toEqual([['payment_handle', handle]]);
  });

  it('finds several details in one message, in order', () => {
    expect(detected('06 12 34 56 78 ou jean@mail.fr ou paypal.me/jean')).toEqual([
      ['phone', '06 12 34 56 78'],
      ['email', 'jean@mail.fr'],
      ['payment_handle', 'paypal.me/jean'],
    ]);
  });

  it.each([
    'Le devis est à 120 € TTC, soit 1 200,00 € pour dix jours',
    'Livraison le 12/06/2025 ou le 2025-06-12 à 10h30',
    'Commande n° 48213, référence 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    'Le SIRET 123 456 789 00012 figure sur la facture',
    'Total: 15845 centimes, TVA 20 %, 3 révisions, 06/12',
    'Je paie par PayPal via la plateforme, merci',
    'Lydia est ma collègue, Revolut ma banque',
    'Le fichier FR2024 est prêt, version v2.1 du plan',
    'Rendez-vous 01 02 03 à 14h',
    'Mon numéro de commande est 1234567890',
  ])('finds nothing in %j', (text) => {
    expect(detectContactDetails(text)).toEqual([]);
  });

  it('masks each detected part and keeps the rest', () => {
    const text = 'Appelez le 06 12 34 56 78 ou écrivez à jean@mail.fr !';
    expect(maskContactDetails(text, detectContactDetails(text))).toBe(
      'Appelez le [masqué] ou écrivez à [masqué] !',
    );
  });

  it('leaves a text with no span as it is, and ignores spans outside the text', () => {
    expect(maskContactDetails('Bonjour', [])).toBe('Bonjour');
    expect(maskContactDetails('Bonjour', [{ kind: 'phone', start: 3, end: 40 }])).toBe('Bonjour');
  });
});
