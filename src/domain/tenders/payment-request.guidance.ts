/**
 * "Comment faire ma facture ?" (seed 003): what the invoice a provider uploads for a release must
 * show, as the provider reads it on "demandes de paiement" (French: shown to users). Finance
 * refuses, with the reason, an invoice that misses one of them.
 */
export const INVOICE_GUIDANCE: readonly string[] = [
  'Un numéro de facture unique, que vous indiquez aussi dans le formulaire, et la date de la facture.',
  'Votre nom ou raison sociale, votre adresse et votre numéro SIREN ou SIRET.',
  'Le nom du client et la référence du projet (son identifiant sur la plateforme).',
  'La prestation réalisée : le projet ou la tranche libérée.',
  'Le montant exact de la tranche libérée, TTC, avec le montant HT et la TVA, ou la mention « TVA non applicable, art. 293 B du CGI ».',
  'Un fichier PDF de 5 Mo au plus, envoyé depuis la page « demandes de paiement » (type provider_invoice).',
];
