import PDFDocument from 'pdfkit';
import type { Address } from '../../domain/identity';
import { PLATFORM_IDENTITY } from '../invoices/platform-identity';
import { euros, InterventionSheet, MissionPartyDetails } from './missions.queries';

/** The intervention is dated in the time of the place it happens in. */
const ZONE = 'Europe/Paris';

/** `2026-12-15T13:00:00Z` -> `mardi 15 décembre 2026 à 14 h 00` (built from parts: no narrow spaces Helvetica lacks). */
export function frenchDateTime(at: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')} à ${get('hour')} h ${get('minute')}`;
}

export function frenchDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

const ERASED = 'Nom non disponible (données personnelles effacées ou non communiquées)';

function addressLines(address: Address | null): string[] {
  if (!address) return [];
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(
    (l): l is string => !!l,
  );
}

function partyLines(party: MissionPartyDetails | null, provider: boolean): string[] {
  if (!party) return ['Intervenant pas encore confirmé'];
  return [
    party.displayName ?? ERASED,
    ...(provider && party.providerReference
      ? [`Référence intervenant : ${party.providerReference}`]
      : []),
    ...addressLines(party.address),
  ];
}

type Doc = InstanceType<typeof PDFDocument>;

/** Open scissors pointing right, about 14 pt wide, centred on the cut line at `y`. */
function scissors(doc: Doc, x: number, y: number): void {
  doc.save().lineWidth(1.1).strokeColor('#000000');
  doc.circle(x + 2.5, y - 3.2, 2.3).stroke();
  doc.circle(x + 2.5, y + 3.2, 2.3).stroke();
  doc
    .moveTo(x + 4.6, y - 2)
    .lineTo(x + 14, y + 2.6)
    .stroke();
  doc
    .moveTo(x + 4.6, y + 2)
    .lineTo(x + 14, y - 2.6)
    .stroke();
  doc.restore();
}

function signatureBoxes(doc: Doc, left: number, y: number, width: number, height: number): number {
  const gap = 20;
  const w = (width - gap) / 2;
  const labels = ['Signature de l’employeur', 'Signature de l’intervenant'];
  labels.forEach((label, i) => {
    const x = left + i * (w + gap);
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000').text(label, x, y, { width: w });
    doc
      .rect(x, y + 14, w, height)
      .lineWidth(0.8)
      .strokeColor('#555555')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#777777')
      .text('Date et signature', x + 6, y + 18, { width: w - 12 });
  });
  doc.fillColor('#000000');
  return y + 14 + height;
}

function field(
  doc: Doc,
  label: string,
  value: string,
  x: number,
  y: number,
  width: number,
): number {
  doc.font('Helvetica-Bold').fontSize(9.5).text(`${label} : `, x, y, { continued: true, width });
  doc.font('Helvetica').text(value);
  return doc.y + 3;
}

/**
 * Seed 002 "La fiche d'intervention": the employer part (the client, who employs the provider for a
 * home service, and the provider; date and details of the intervention; signatures) and, below a
 * dashed cut line, the provider's detachable coupon (request number, date, service type,
 * signatures). A4; resolves to the PDF bytes.
 */
export function renderInterventionSheetPdf(sheet: InterventionSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Fiche d’intervention ${sheet.requestNumber}`, Author: PLATFORM_IDENTITY.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 40;
  const width = doc.page.width - 80;
  const when = frenchDateTime(sheet.startsAt);

  doc.font('Helvetica-Bold').fontSize(18).text('FICHE D’INTERVENTION', left, 40);
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(PLATFORM_IDENTITY.name, left, 62);
  doc
    .fillColor('#000000')
    .fontSize(10)
    .text(`Demande n° ${sheet.requestNumber}`, left, 40, { width, align: 'right' });
  doc.fontSize(8.5).text(`Statut : ${sheet.statusLabel}`, { width, align: 'right' });

  // Employer part.
  let y = 88;
  doc.rect(left, y, width, 20).fill('#333333');
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text('PARTIE EMPLOYEUR', left + 8, y + 6);
  doc.fillColor('#000000');
  y += 30;
  const col = (width - 20) / 2;
  doc.font('Helvetica-Bold').fontSize(10).text('Employeur (particulier)', left, y);
  doc.text('Intervenant', left + col + 20, y);
  doc.font('Helvetica').fontSize(9.5);
  doc.text(partyLines(sheet.employer, false).join('\n'), left, y + 15, { width: col });
  const employerBottom = doc.y;
  doc.text(partyLines(sheet.provider, true).join('\n'), left + col + 20, y + 15, { width: col });
  y = Math.max(employerBottom, doc.y) + 14;

  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  y += 10;
  doc.font('Helvetica-Bold').fontSize(10.5).text('Intervention', left, y);
  y += 17;
  y = field(doc, 'Service', sheet.serviceTypeLabel, left, y, width);
  y = field(doc, 'Date et heure', when, left, y, width);
  y = field(doc, 'Durée estimée', frenchDuration(sheet.durationMinutes), left, y, width);
  const place = [sheet.place.address, `${sheet.place.postalCode} ${sheet.place.city}`]
    .filter((l): l is string => !!l)
    .join(', ');
  y = field(doc, 'Lieu', place, left, y, width);
  y = field(doc, 'Tarif de la prestation (TTC)', euros(sheet.priceCents), left, y, width);
  doc.font('Helvetica-Bold').fontSize(9.5).text('Détails de l’intervention :', left, y);
  y += 14;
  const detailsHeight = 70;
  doc.rect(left, y, width, detailsHeight).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(sheet.details || '—', left + 6, y + 6, {
      width: width - 12,
      height: detailsHeight - 12,
      ellipsis: true,
    });
  y += detailsHeight + 16;
  y = signatureBoxes(doc, left, y, width, 90);

  // The cut line sits low enough that the coupon keeps its size whatever the details.
  const cut = Math.max(y + 30, 520);
  doc
    .moveTo(left, cut)
    .lineTo(left + width, cut)
    .lineWidth(1)
    .dash(6, { space: 4 })
    .strokeColor('#000000')
    .stroke()
    .undash();
  const labelWidth = 82;
  const lx = left + (width - labelWidth) / 2;
  doc.rect(lx, cut - 8, labelWidth, 16).fill('#ffffff');
  scissors(doc, lx + 6, cut);
  // Standard PDF fonts have no scissors glyph: it is drawn, and text extraction reads it as "✂".
  doc.fillColor('#000000').font('Helvetica').fontSize(9);
  doc.markContent('Span', { actual: '✂ Découper ici' });
  doc.text('Découper ici', lx + 24, cut - 4, { lineBreak: false });
  doc.endMarkedContent();

  // Provider coupon.
  y = cut + 22;
  doc.rect(left, y, width, 20).fill('#333333');
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text('PARTIE INTERVENANT — coupon détachable', left + 8, y + 6);
  doc.fillColor('#000000');
  y += 32;
  y = field(doc, 'Numéro de la demande', sheet.requestNumber, left, y, width);
  y = field(doc, 'Date de l’intervention', when, left, y, width);
  y = field(doc, 'Type de service', sheet.serviceTypeLabel, left, y, width);
  y = field(doc, 'Intervenant', partyLines(sheet.provider, true)[0], left, y, width);
  y += 8;
  signatureBoxes(doc, left, y, width, 62);

  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#777777')
    .text(
      `Identifiant de la mission : ${sheet.missionId} — fiche éditée le ${frenchDateTime(sheet.issuedAt)}`,
      left,
      doc.page.height - 52,
      { width, align: 'center', lineBreak: false },
    );
  doc.end();
  return done;
}
