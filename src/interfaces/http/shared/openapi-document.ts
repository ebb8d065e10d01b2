import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The last pass over the generated document, so it is the contract front ends build on: every
 * tag is defined with a description, the idempotency and revision headers are one shared,
 * optional parameter each, and each error answer lists the stable codes it can carry (`x-codes`).
 */

/** Every tag an operation uses; a controller with a new tag adds it here (a test fails otherwise). */
export const API_TAGS: Record<string, string> = {
  'tenders: account':
    'The R0 internal account of a signed tender project ("gestion paiements"): funding by tranches, release on receipt of a deliverable, disputes with the SMA.',
  'identity: authentication':
    'Registration, e-mail confirmation, login with rotating refresh tokens, password reset.',
  'identity: my account': "The caller's own account: profile, password, roles, closure.",
  'identity: provider verification':
    "A provider's identity and legal documents, checked by staff before payouts.",
  'identity: providers': 'Public provider profiles.',
  'identity: association verification':
    "An association's registration details (RNA, SIREN, registered office, object) and documents (statutes, declaration receipt), checked by staff before it may become a partner of the solidarity pot.",
  'identity: staff': 'Staff back office for accounts, verifications and notifications.',
  gigs: 'Services a provider sells at a fixed price, with paid extras.',
  search: 'Public search over published gigs and provider profiles.',
  orders:
    'An order placed on a gig or a custom offer, paid into escrow, delivered, accepted or cancelled.',
  'custom requests':
    'A buyer describes a need; a provider answers with a custom offer the buyer can order.',
  dashboards: 'Read models for the buyer, the seller and the wallet.',
  disputes: 'Disputes on an order: statements, settlements, mediation and a staff decision.',
  mediation: 'The mediation queue staff work through.',
  payouts: "Withdrawals from a provider's wallet to a bank account or PayPal.",
  files:
    'Uploaded files (deliverables, attachments, evidence, gallery images, verification documents): upload, then a short-lived signed link to download.',
  missions:
    'Local missions (seeds 000 and 002): a client books a provider for a service at a place and time, the money is reserved until the client validates "Mission terminée"; the client area, the provider agenda and the intervention sheet.',
  subscriptions:
    "A provider's subscriptions to the platform's plans (seeds 000 and 003): Pro and credits, tacitly renewed, paused, extended, cancelled; payment incidents.",
  invoices: 'Invoices issued for orders and commissions, as JSON and PDF.',
  finance: 'The double-entry ledger, for finance staff.',
  admin: 'Operations: projections and reactors (lag, halts, retry).',
  health: 'Liveness and readiness.',
  webhooks: 'Signed callbacks from the payment gateways.',
  'service types':
    'The catalogue of services local missions are booked for (ménage, jardinage, bricolage...): staff manage it, anyone reads it.',
  'provider offers':
    'What a provider offers for local missions: service types with an hourly rate or a fixed price, the zone covered, weekly hours and exceptions.',
  credits:
    'A provider\'s credit ledger (seed 003): "consultation", "offre" and "contact direct" credits granted each period of a credits subscription, spent once per project, refunded and granted as bonuses by staff.',
  plans:
    "The platform's own products (seeds 000 and 003), versioned: the Pro subscription, subscriptions granting credits each period, and hour packs at a reduced rate; staff define them, anyone reads them.",
  solidarity:
    'The solidarity pot (seed 000): partner associations, the monthly vote of the users, the close that shares 5 % of the platform’s revenue among the partners, and the published monthly reports.',
  'solidarity: staff':
    'Staff back office of the solidarity pot: association accounts, their verification and their partnership.',
  'hour packs':
    'Hours of one service type bought at a reduced rate (seed 000 "packs horaires"), paid at once; missions paid from them; withdrawal within 14 days and refund of unused hours at expiry.',
  'tenders: fees':
    'The platform’s fees on a signed project (seed 003): the finder’s fee ("commission de mise en relation") and the R0 option, charged to the payer’s card at signature, paid again after a refusal, refunded when the signed amount goes down; invoices and credit notes; finance’s list.',
  'tenders: preferences':
    'A provider\'s tender preferences (seed 003 "Préférences"): what the daily digest of new projects ("newsletter quotidienne", 07:00) matches, the projects hidden from their list, and the e-mail\'s unsubscribe link.',
  'solidarity missions':
    'Missions without money (seed 000 "Proposer une mission solidaire", "Devenir bénévole"): staff keep the solidarity types, a verified association proposes a mission, volunteers browse the missions near them and sign up until it is full, withdraw before the start, and the association confirms who came.',
  'tenders: payment requests':
    'Demandes de paiement (seed 003, Étape 4): after a release of a project’s internal account the provider uploads their invoice; finance checks it, refuses it with a reason or approves it, and the approval pays the amount by bank transfer to the provider’s withdrawal account. Dashboards for the provider and for finance.',
  'tenders: projects':
    'Project tenders (seed 003): a client posts a project, providers browse "projets disponibles" with filters, the client selects one provider who offered, the winner confirms the terms (formula, fees), either party may lower the amount after signature, the client marks it finished.',
  'tenders: bids':
    'Credits at work on a project (seed 003, Étape 1): a "consultation" opens its report, an "offre" makes an offer or asks a written question, a "contact direct" reveals the client’s details; offers with read receipts, messages and files on the report.',
  'tenders: certification':
    'The "Prestataire Certifié" certification (seed 003, SCP): client references asked by e-mail and confirmed through a public link, reviewed by staff with a reason; certified by 3 approved references or by reputation; reviews both ways on finished projects.',
};

type Parameter = {
  name?: string;
  in?: string;
  required?: boolean;
  $ref?: string;
  schema?: unknown;
};
type Response = {
  description?: string;
  content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }>;
};
type Operation = { tags?: string[]; parameters?: Parameter[]; responses: Record<string, Response> };

/** Headers every state-changing route reads, documented once under `components.parameters`. */
const SHARED_HEADERS: Record<string, { key: string; parameter: Record<string, unknown> }> = {
  'idempotency-key': {
    key: 'IdempotencyKey',
    parameter: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Any string of 1 to 255 characters; a repeat of the same request gets the first answer back (`IDEMPOTENCY_KEY_REUSED` 422 if the request differs, `IDEMPOTENCY_REQUEST_IN_PROGRESS` 409 while the first still runs).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      example: '5d7c0a4e-8f1b-4d3e-9a2b-1c6f0e9d8a71',
    },
  },
  'if-match': {
    key: 'IfMatch',
    parameter: {
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The `revision` last read (`"4"`, `4` or `W/"4"`); 409 `CONCURRENT_MODIFICATION` when the resource moved on, 400 `INVALID_IF_MATCH` when it is no revision.',
      schema: { type: 'string' },
      example: '"4"',
    },
  },
};

const CODE = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

/** The stable codes an error answer names: its examples' `code`s and the `CODES` its description quotes. */
function codesOf(response: Response): string[] {
  const codes = new Set<string>();
  for (const match of (response.description ?? '').matchAll(CODE)) codes.add(match[1]);
  for (const media of Object.values(response.content ?? {})) {
    const examples = [media.example, ...Object.values(media.examples ?? {}).map((e) => e.value)];
    for (const example of examples) {
      const code = (example as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string') codes.add(code);
    }
  }
  return [...codes].sort();
}

export function finishOpenApi(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  const parameters = (document.components.parameters = {
    ...(document.components.parameters ?? {}),
  });
  for (const { key, parameter } of Object.values(SHARED_HEADERS))
    parameters[key] = parameter as never;
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const tag of op.tags ?? []) used.add(tag);
      // `@Headers('if-match')` params appear as required lowercase headers beside the declared
      // `@ApiHeader`: keep one, the shared optional one.
      const seen = new Set<string>();
      op.parameters = (op.parameters ?? []).flatMap((parameter): Parameter[] => {
        if (parameter.in !== 'header' || !parameter.name) return [parameter];
        const name = parameter.name.toLowerCase();
        if (seen.has(name)) return [];
        seen.add(name);
        const shared = SHARED_HEADERS[name];
        return [shared ? { $ref: `#/components/parameters/${shared.key}` } : parameter];
      });
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const codes = codesOf(response);
        if (codes.length > 0) (response as Record<string, unknown>)['x-codes'] = codes;
      }
    }
  }
  document.tags = [...used].sort().map((name) => ({ name, description: API_TAGS[name] ?? '' }));
  return document;
}
