import PDFDocument from 'pdfkit';
import type { Address } from '../../domain/identity';
import { percentLabel } from './invoice-numbering';
import { InvoiceParty, InvoiceView } from './invoice.queries';
import {
  COMMISSION_PAYMENT_MENTION,
  MANDATE_MENTION,
  PAYMENT_MENTION,
  PLATFORM_IDENTITY,
  PLATFORM_SALE_CREDIT_MENTION,
  PLATFORM_SALE_PAYMENT_MENTION,
} from './platform-identity';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** `123456` -> `1 234,56 €`, straight from integer cents. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}

/** `2026-03-05` -> `5 mars 2026`. */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const COUNTRIES: Record<string, string> = {
  FR: 'France',
  BE: 'Belgique',
  CH: 'Suisse',
  LU: 'Luxembourg',
  MC: 'Monaco',
  DE: 'Allemagne',
  ES: 'Espagne',
  IT: 'Italie',
  GB: 'Royaume-Uni',
};

function addressLines(address: Address | null): string[] {
  if (!address) return [];
  const country = COUNTRIES[address.country] ?? address.country;
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`, country].filter(
    (l): l is string => !!l,
  );
}

function partyLines(party: InvoiceParty, platform: boolean): string[] {
  if (platform) {
    return [
      PLATFORM_IDENTITY.name,
      PLATFORM_IDENTITY.legalForm,
      ...PLATFORM_IDENTITY.addressLines,
      `SIREN ${PLATFORM_IDENTITY.siren} — ${PLATFORM_IDENTITY.rcs}`,
      `TVA intracommunautaire ${PLATFORM_IDENTITY.vatNumber}`,
    ];
  }
  return [
    party.name ?? 'Nom non disponible (données personnelles effacées ou non communiquées)',
    ...(party.reference ? [`Référence prestataire : ${party.reference}`] : []),
    ...addressLines(party.address),
    ...(party.accountId ? [`Identifiant de compte : ${party.accountId}`] : []),
  ];
}

const SALE_LABELS: Record<string, string> = {
  subscription: 'Abonnement',
  hour_pack: 'Pack d’heures',
  fee: 'Frais',
};

/** What the document is about: the order, the mission, or the platform's own sale. */
function referenceLine(invoice: InvoiceView): string {
  if (invoice.saleId) return `${SALE_LABELS[invoice.subject] ?? 'Vente'} : ${invoice.saleId}`;
  // A mission's invoices name the mission (their description starts with "Mission").
  const subjectLabel = invoice.description.startsWith('Mission') ? 'Mission' : 'Commande';
  return `${subjectLabel} : ${invoice.orderId ?? ''}`;
}

function paymentMention(invoice: InvoiceView): string {
  if (invoice.subject === 'commission') return COMMISSION_PAYMENT_MENTION;
  if (invoice.subject === 'service') return PAYMENT_MENTION;
  return invoice.kind === 'invoice' ? PLATFORM_SALE_PAYMENT_MENTION : PLATFORM_SALE_CREDIT_MENTION;
}

/** A4 invoice or credit note with the mentions French law asks for; resolves to the PDF bytes. */
export function renderInvoicePdf(invoice: InvoiceView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${invoice.kind === 'invoice' ? 'Facture' : 'Avoir'} ${invoice.number}`,
      Author: PLATFORM_IDENTITY.name,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 50;
  const width = doc.page.width - 100;
  const platformIssues = !invoice.underMandate;

  doc
    .font('Helvetica-Bold')
    .fontSize(22)
    .text(invoice.kind === 'invoice' ? 'FACTURE' : 'AVOIR', left, 50);
  doc.font('Helvetica').fontSize(11).text(`N° ${invoice.number}`, left, 78);
  doc.fontSize(10).text(`Date d’émission : ${frenchDate(invoice.issueDate)}`, left, 50, {
    width,
    align: 'right',
  });
  doc.text(`Date de l’opération : ${frenchDate(invoice.issueDate)}`, { width, align: 'right' });
  doc.text(referenceLine(invoice), { width, align: 'right' });
  if (invoice.refersTo)
    doc
      .font('Helvetica-Bold')
      .text(`Se rapporte à la facture n° ${invoice.refersTo.number}`, { width, align: 'right' });

  let y = 125;
  if (invoice.underMandate) {
    doc.rect(left, y, width, 30).fillAndStroke('#f2f2f2', '#999999');
    doc
      .fillColor('#000000')
      .font('Helvetica-Oblique')
      .fontSize(8.5)
      .text(MANDATE_MENTION, left + 8, y + 6, { width: width - 16 });
    y += 42;
  }
  const colWidth = (width - 20) / 2;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(invoice.underMandate ? 'Émetteur (prestataire)' : 'Émetteur', left, y);
  doc.text('Destinataire', left + colWidth + 20, y);
  doc.font('Helvetica').fontSize(9.5);
  doc.text(partyLines(invoice.issuer, platformIssues).join('\n'), left, y + 16, {
    width: colWidth,
  });
  const issuerBottom = doc.y;
  doc.text(partyLines(invoice.recipient, false).join('\n'), left + colWidth + 20, y + 16, {
    width: colWidth,
  });
  y = Math.max(issuerBottom, doc.y) + 25;

  const cols = [
    { title: 'Désignation', w: 245, align: 'left' as const },
    { title: 'Qté', w: 35, align: 'right' as const },
    { title: 'Prix unitaire HT', w: 85, align: 'right' as const },
    { title: 'TVA', w: 45, align: 'right' as const },
    { title: 'Total HT', w: 85, align: 'right' as const },
  ];
  doc.rect(left, y, width, 20).fill('#333333');
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(9);
  let x = left + 5;
  for (const c of cols) {
    doc.text(c.title, x, y + 6, { width: c.w - 10, align: c.align });
    x += c.w;
  }
  doc.fillColor('#000000').font('Helvetica').fontSize(9);
  y += 28;
  const cells = [
    invoice.description,
    String(invoice.quantity),
    euros(invoice.unitPriceHtCents),
    percentLabel(invoice.vatRateBp),
    euros(invoice.totalHtCents),
  ];
  x = left + 5;
  let rowBottom = y;
  cells.forEach((cell, i) => {
    doc.text(cell, x, y, { width: cols[i].w - 10, align: cols[i].align });
    rowBottom = Math.max(rowBottom, doc.y);
    x += cols[i].w;
  });
  y = rowBottom + 10;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .strokeColor('#999999')
    .stroke();

  y += 15;
  const totals: [string, string][] = [
    ['Total HT', euros(invoice.totalHtCents)],
    [`TVA ${percentLabel(invoice.vatRateBp)}`, euros(invoice.vatCents)],
    [
      invoice.kind === 'invoice' ? 'Total TTC' : 'Total TTC à déduire',
      euros(invoice.totalTtcCents),
    ],
  ];
  totals.forEach(([label, amount], i) => {
    const last = i === totals.length - 1;
    doc.font(last ? 'Helvetica-Bold' : 'Helvetica').fontSize(last ? 11 : 10);
    doc.text(label, left + width - 250, y, { width: 130, align: 'right' });
    doc.text(amount, left + width - 110, y, { width: 110, align: 'right' });
    y += 18;
  });

  y += 20;
  doc.font('Helvetica').fontSize(8.5).fillColor('#333333');
  const mentions = [
    paymentMention(invoice),
    'Montants en euros ; TVA calculée sur le prix TTC et arrondie au centime le plus proche (arrondi bancaire).',
    `Plateforme : ${PLATFORM_IDENTITY.name}, ${PLATFORM_IDENTITY.addressLines.join(', ')} — SIREN ${PLATFORM_IDENTITY.siren} — TVA ${PLATFORM_IDENTITY.vatNumber} — ${PLATFORM_IDENTITY.email}`,
  ];
  doc.text(mentions.join('\n\n'), left, y, { width });
  doc
    .fontSize(7.5)
    .fillColor('#777777')
    .text(`Identifiant du document : ${invoice.invoiceId}`, left, doc.page.height - 70, {
      width,
      align: 'center',
    });
  doc.end();
  return done;
}
