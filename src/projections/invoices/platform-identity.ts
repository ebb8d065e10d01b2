/**
 * The platform's legal identity printed on invoices. These are placeholders until the company's
 * registration details are provided; they belong in configuration (INVOICE_ISSUER_* keys).
 */
export const PLATFORM_IDENTITY = {
  name: 'Marketplace Services SAS',
  legalForm: 'SAS au capital de 10 000 €',
  addressLines: ['10 rue de la République', '69002 Lyon', 'France'],
  siren: '000 000 000',
  rcs: 'RCS Lyon 000 000 000',
  vatNumber: 'FR00 000000000',
  email: 'factures@marketplace.local',
} as const;

export const MANDATE_MENTION =
  'Facture émise par Marketplace Services SAS au nom et pour le compte du prestataire, en vertu d’un mandat de facturation (article 289-I-2 du CGI).';

export const PAYMENT_MENTION =
  'Facture acquittée : le montant a été réglé par carte via la plateforme et conservé sous séquestre jusqu’à la validation.';

export const COMMISSION_PAYMENT_MENTION =
  'Facture acquittée par compensation sur le montant libéré au prestataire. Pénalités de retard : trois fois le taux d’intérêt légal ; indemnité forfaitaire pour frais de recouvrement : 40 €. Pas d’escompte pour paiement anticipé.';

/** The platform's own sales (subscriptions, hour packs): paid by card when invoiced. */
export const PLATFORM_SALE_PAYMENT_MENTION =
  'Facture acquittée : le montant a été prélevé sur le moyen de paiement enregistré à la date d’émission. Pas d’escompte pour paiement anticipé.';

export const PLATFORM_SALE_CREDIT_MENTION =
  'Avoir remboursé sur le moyen de paiement d’origine ; il annule à due concurrence la facture à laquelle il se rapporte.';
