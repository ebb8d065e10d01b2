import { renderTenderDigest } from './tender-digest-template';

/** Subjects and bodies of the e-mails, in French (user-facing). Unknown templates get a generic text. */
export interface RenderedMessage {
  subject: string;
  text: string;
}

type Renderer = (data: Record<string, unknown>) => RenderedMessage;

const TEMPLATES: Record<string, Renderer> = {
  'identity.email_confirmation': (d) => ({
    subject: 'Confirmez votre adresse e-mail',
    text: `Bienvenue ! Pour activer votre compte, utilisez ce code de confirmation :\n\n${String(d.token)}\n\nIl expire le ${String(d.expiresAt)}.`,
  }),
  'identity.password_reset': (d) => ({
    subject: 'Réinitialisation de votre mot de passe',
    text: `Vous avez demandé à changer votre mot de passe. Utilisez ce code :\n\n${String(d.token)}\n\nIl expire le ${String(d.expiresAt)}. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.`,
  }),
  'identity.document_approved': (d) => ({
    subject: 'Document validé',
    text: `Votre document « ${String(d.kindLabel ?? d.kind)} » a été validé.${d.expiresAt ? ` Il est valable jusqu’au ${String(d.expiresAt)}.` : ''}`,
  }),
  'identity.document_rejected': (d) => ({
    subject: 'Document refusé',
    text: `Votre document « ${String(d.kindLabel ?? d.kind)} » a été refusé : ${String(d.reason)}.`,
  }),
  'tenders.offer_won': (d) => ({
    subject: `Vous avez remporté le projet « ${String(d.title)} »`,
    text: `Félicitations, le client vous a sélectionné pour le projet « ${String(d.title)} » : ${euros(d.amountCents)}, ${String(d.delayDays)} jours, formule ${d.formula === 'r0' ? 'R0 (risque 0)' : 'de base'}.\n\nConfirmez les termes de réalisation sur la page d’accord final, depuis le rapport du projet.`,
  }),
  'tenders.payment_request_refused': (d) => ({
    subject: `Facture refusée : ${String(d.invoiceNumber)}`,
    text: `Votre facture ${String(d.invoiceNumber)} (${euros(d.amountCents)}) n’a pas été acceptée : ${String(d.reason)}\n\nDéposez une facture corrigée sur la page « demandes de paiement ».`,
  }),
  'tenders.payment_request_paid': (d) => ({
    subject: `Virement envoyé : ${euros(d.amountCents)}`,
    text: `Votre facture ${String(d.invoiceNumber)} est acceptée : le virement de ${euros(d.amountCents)} vers votre compte de retrait est envoyé ; il arrive dans les jours qui suivent.`,
  }),
  'tenders.offer_lost': (d) => ({
    subject: `Appel d'offres perdu : « ${String(d.title)} »`,
    text: [
      `Le client a sélectionné un autre prestataire pour le projet « ${String(d.title)} », qui est retiré de la liste des projets en attente d'offres.`,
      'Nos recommandations pour accroître vos chances de remporter les prochains projets :',
      ...(Array.isArray(d.recommendations) ? d.recommendations.map((r) => `• ${String(r)}`) : []),
    ].join('\n\n'),
  }),
  'missions.authorisation_failed': (d) => ({
    subject: `Paiement refusé pour votre mission « ${String(d.serviceTypeLabel)} »`,
    text: [
      `Nous n’avons pas pu réserver le montant de votre mission « ${String(d.serviceTypeLabel)} » du ${parisDateTime(d.startsAt)} sur votre carte (${String(d.reason)}).`,
      d.willBeCancelled
        ? 'C’était la dernière tentative : la mission est annulée et vous ne serez pas débité.'
        : `Une nouvelle tentative aura lieu le ${parisDateTime(d.nextAttemptAt)}. Vous pouvez aussi enregistrer une autre carte depuis votre mission. Vous ne serez débité qu’après avoir validé « Mission terminée ».`,
    ].join('\n\n'),
  }),
  'missions.validation_reminder': (d) => ({
    subject: `Votre mission « ${String(d.serviceTypeLabel)} » est-elle terminée ?`,
    text: `Votre mission du ${parisDateTime(d.startsAt)} (${euros(d.priceCents)}) attend votre validation. Validez « Mission terminée ✔ » ou signalez un problème. Sans réponse de votre part, elle sera validée automatiquement le ${parisDateTime(d.autoValidateAt)}, comme indiqué lors de votre demande, et le montant réservé sera alors débité.`,
  }),
  'plans.renewal_reminder': (d) => ({
    subject: `Votre abonnement « ${String(d.planName)} » sera renouvelé le ${parisDate(d.renewsAt)}`,
    text: `Votre abonnement « ${String(d.planName)} » est reconduit tacitement : ${euros(d.amountCents)} seront débités sur votre carte enregistrée le ${parisDateTime(d.renewsAt)}. Vous pouvez le résilier, le mettre en suspens ou changer de carte depuis votre espace avant cette date.`,
  }),
  'plans.renewal_failed': (d) => ({
    subject: 'Incident de paiement sur votre abonnement',
    text: [
      `Le renouvellement de votre abonnement (${euros(d.amountCents)}) a été refusé par votre banque (${String(d.failureCode)}).`,
      d.nextAttemptAt
        ? `Une nouvelle tentative aura lieu le ${parisDateTime(d.nextAttemptAt)}. Vos avantages sont maintenus d’ici là. Pour régulariser dès maintenant, enregistrez une autre carte depuis votre espace.`
        : 'C’était la dernière tentative : votre abonnement est suspendu.',
    ].join('\n\n'),
  }),
  'tenders.fee_charge_failed': (d) => ({
    subject: `Paiement refusé : ${String(d.label)}`,
    text: `${d.noSavedCard ? `Aucune carte n’est enregistrée sur votre compte pour régler « ${String(d.label)} » (${euros(d.amountCents)}).` : `Le paiement de « ${String(d.label)} » (${euros(d.amountCents)}) a été refusé par votre banque (${String(d.code)}).`} Réglez-le depuis la page « Frais » de votre projet avec la carte de votre choix.`,
  }),
  'tenders.r0_funded': (d) => ({
    subject: `Compte interne alimenté : « ${String(d.projectTitle)} »`,
    text: `Le client a versé ${euros(d.amountCents)} (« ${String(d.trancheLabel)} ») sur le compte interne du projet « ${String(d.projectTitle)} ». Sur le compte : ${euros(d.heldCents)} ; reste à alimenter : ${euros(d.unfundedCents)} sur ${euros(d.agreedCents)}. Ne travaillez que sur la partie du projet dont le montant est sur le compte interne (icône « gestion paiements » du rapport du projet).`,
  }),
  'solidarity.mission_cancelled': (d) => ({
    subject: `Mission solidaire annulée : « ${String(d.title)} »`,
    text: `L’association a annulé la mission solidaire « ${String(d.title)} » du ${parisDateTime(d.startsAt)} (${String(d.city)}) à laquelle vous étiez inscrit(e) : ${String(d.reason)}.\n\nMerci pour votre engagement : d’autres missions vous attendent dans « Missions solidaires ».`,
  }),
  'plans.subscription_suspended': () => ({
    subject: 'Votre abonnement est suspendu',
    text: 'Faute de paiement, votre abonnement est suspendu : ses avantages sont interrompus et vos crédits gelés. Enregistrez une nouvelle carte depuis votre espace pour le réactiver aussitôt ; une nouvelle période commencera le jour du paiement.',
  }),
  'solidarity.partnership_granted': (d) => ({
    subject: 'Votre association est partenaire de la cagnotte solidaire',
    text: `« ${String(d.name)} » fait désormais partie des associations partenaires : chaque mois, les utilisateurs peuvent voter pour elle et elle reçoit sa part de la cagnotte solidaire sur son compte de retrait. Pensez à enregistrer un compte de retrait depuis votre espace.`,
  }),
  'tenders.daily_digest': renderTenderDigest,
  'solidarity.partnership_ended': (d) => ({
    subject: 'Fin du partenariat avec la cagnotte solidaire',
    text: `« ${String(d.name)} » ne fait plus partie des associations partenaires de la cagnotte solidaire : ${String(d.reason)}.`,
  }),
  'tenders.certification_reference_request': (d) => ({
    subject: 'Confirmez une référence client pour la certification d’un prestataire',
    text: `Bonjour ${String(d.referenceName)},\n\nUn prestataire vous cite comme référence client (${String(d.company)}, ${String(d.year)}) pour sa certification « Prestataire Certifié » : « ${String(d.work)} ».\n\nPour confirmer ou non cette référence, ouvrez ce lien :\n\n/certification-references/${String(d.token)}\n\nIl expire le ${parisDate(d.linkExpiresAt)}. Le SCP (Service Certification Prestataires) vérifie ensuite chaque référence confirmée.`,
  }),
  'tenders.certification_reference_refused': (d) => ({
    subject: 'Une référence de certification a été refusée par le SCP',
    text: `Le SCP (Service Certification Prestataires) a refusé votre référence « ${String(d.company)} » : ${String(d.reason)}. Vous pouvez ajouter une autre référence client depuis votre espace Certification.`,
  }),
  'tenders.provider_certified': (d) => ({
    subject: 'Vous êtes Prestataire Certifié',
    text: `Félicitations : vous êtes certifié ${d.basis === 'reputation' ? 'grâce à la réputation acquise sur la plateforme' : 'grâce à vos références clients validées par le SCP'}. Le logo « Prestataire Certifié » s’affiche désormais sur votre profil et dans les résultats de recherche.`,
  }),
  'tenders.certification_withdrawn': (d) => ({
    subject: 'Votre certification a été retirée',
    text: `Le SCP (Service Certification Prestataires) a retiré votre certification : ${String(d.reason)}.`,
  }),
};

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});

/** An instant as people in France read it, e.g. "lundi 14 décembre 2026 à 10:00". */
function parisDateTime(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? PARIS.format(at) : String(value);
}

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
});

/** A day as people in France read it, e.g. "14 décembre 2026". */
function parisDate(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? PARIS_DATE.format(at) : String(value);
}

function euros(cents: unknown): string {
  return typeof cents === 'number'
    ? new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)
    : String(cents);
}

export function renderNotification(
  template: string,
  data: Record<string, unknown>,
): RenderedMessage {
  const render = TEMPLATES[template];
  if (render) return render(data);
  return { subject: 'Notification de la plateforme', text: JSON.stringify(data, null, 2) };
}
