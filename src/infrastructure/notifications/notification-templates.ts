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
};

export function renderNotification(
  template: string,
  data: Record<string, unknown>,
): RenderedMessage {
  const render = TEMPLATES[template];
  if (render) return render(data);
  return { subject: 'Notification de la plateforme', text: JSON.stringify(data, null, 2) };
}
