// The evidence pack for people: an A4 PDF written with PDFKit (pure JavaScript, no browser at run time),
// in DejaVu Sans embedded from the dejavu-fonts-ttf package so Indonesian and any other text renders
// the same everywhere. Deterministic: the document's dates are the pack's asOf and PDFKit derives the
// file ID from them, so the same pack gives the same bytes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { message, render, type Locale, type MessageKey, type MessageParam } from '../i18n/messages.js';
import type { EvidencePackDocument } from './evidence-pack.js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = { body: join(FONT_DIR, 'DejaVuSans.ttf'), bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'), mono: join(FONT_DIR, 'DejaVuSansMono.ttf') };

const MARGIN = 50;
const GREY = '#555555';

/** An instant as people read it: in the given zone (the complaint's, WIB by default) with its offset. */
function when(iso: string | null, zone = 'Asia/Jakarta'): string {
  if (!iso) return '—';
  const t = DateTime.fromISO(iso, { zone });
  return t.isValid ? t.toFormat("yyyy-MM-dd HH:mm:ss 'UTC'ZZ") : iso;
}

export function renderEvidencePackPdf(document: EvidencePackDocument): Promise<Buffer> {
  const { pack, digests } = document;
  const locale: Locale = pack.language;
  const t = (key: MessageKey, params?: Record<string, MessageParam>) => render(message(key, params), locale);
  const asOf = new Date(pack.asOf);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: locale,
    info: {
      Title: `${t('pack.title')} — ${pack.complaint.trackingId}`,
      Author: 'Tenggat',
      Subject: t('pack.subtitle', { trackingId: pack.complaint.trackingId, asOf: when(pack.asOf) }),
      Keywords: `content-sha256:${digests.contentSha256} history-sha256:${digests.historySha256}`,
      Creator: 'Tenggat',
      Producer: 'Tenggat (PDFKit)',
      CreationDate: asOf,
      ModDate: asOf,
    },
  });
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(12).fillColor('black').text(text, { width });
    doc.moveDown(0.3).font('body').fontSize(9.5);
  };
  const line = (text: string, options: { color?: string; indent?: number } = {}) =>
    doc.font('body').fontSize(9.5).fillColor(options.color ?? 'black').text(text, MARGIN + (options.indent ?? 0), undefined, { width: width - (options.indent ?? 0) });
  const field = (label: string, value: string) => {
    doc.font('bold').fontSize(9.5).fillColor('black').text(`${label}: `, MARGIN, undefined, { continued: true, width });
    doc.font('body').text(value, { width });
  };
  const bullet = (text: string) => line(`•  ${text}`, { indent: 8 });
  const none = () => line(t('pack.none'), { color: GREY });
  const zone = pack.deadlines.find((d) => d.timeZone)?.timeZone ?? 'Asia/Jakarta';
  const at = (iso: string | null) => when(iso, zone);

  // Title and digests
  doc.font('bold').fontSize(16).text(t('pack.title'), { width });
  doc.moveDown(0.2).font('body').fontSize(10).fillColor(GREY).text(t('pack.subtitle', { trackingId: pack.complaint.trackingId, asOf: at(pack.asOf) }), { width });
  doc.moveDown(0.6).fillColor('black').font('bold').fontSize(10).text(t('pack.digests'));
  doc.font('mono').fontSize(8.5).text(`${t('pack.digest.content')}: ${digests.contentSha256}`);
  doc.text(`${t('pack.digest.history')}: ${digests.historySha256}`);
  doc.font('body').fontSize(8).fillColor(GREY).text(t('pack.digest.howToVerify'), { width });

  const c = pack.complaint;
  heading(t('pack.section.complaint'));
  field(t('pack.field.title'), c.title);
  field(t('pack.field.occurredAt'), at(c.occurredAt));
  field(t('pack.field.place'), [c.place.village, c.place.district, c.place.regency].filter(Boolean).join(', ') + (c.place.areaCode ? ` (${c.place.areaCode})` : ''));
  field(t('pack.field.classification'), `${c.classification} · ${t('pack.field.channel')} ${c.channel}`);
  field(t('pack.field.submittedAt'), at(c.submittedAt));
  field(t('pack.field.agency'), c.agency ? `${c.agency.name} (${c.agency.id})` : '—');
  field(t('pack.field.state'), c.state ?? '—');
  field(t('pack.field.policy'), c.policyVersion);
  field(t('pack.field.flags'), `${t(c.anonymous ? 'pack.yes' : 'pack.no')} / ${t(c.confidential ? 'pack.yes' : 'pack.no')}`);
  field(t('pack.field.chronology'), c.chronology);

  heading(t('pack.section.reporter'));
  if (pack.reporter.identity && pack.reporter.consentGivenAt) {
    line(t('pack.reporter.consented', { at: at(pack.reporter.consentGivenAt) }));
    const id = pack.reporter.identity;
    field(t('pack.reporter.name'), id.name ?? '—');
    field(t('pack.reporter.phone'), id.phone ?? '—');
    field(t('pack.reporter.email'), id.email ?? '—');
    field(t('pack.reporter.nik'), id.nik ?? '—');
  } else {
    line(t('pack.reporter.withheld'));
  }

  heading(t('pack.section.prior'));
  const prior = pack.priorComplaint;
  bullet(t('pack.prior.lodged', { at: at(prior.lodgedAt), channel: prior.channel }));
  bullet(
    prior.disposedTo
      ? t('pack.prior.disposed', { agency: `${prior.disposedTo.agencyName} (${prior.disposedTo.agencyId})`, at: at(prior.disposedTo.at), by: [prior.disposedTo.byRole, prior.disposedTo.byId].filter(Boolean).join(' ') })
      : t('pack.prior.notDisposed'),
  );
  for (const s of prior.superiors) {
    const ack = s.acknowledgedAt ? t('pack.ack.by', { by: s.acknowledgedBy ?? '—', at: at(s.acknowledgedAt) }) : t('pack.ack.none');
    bullet(t('pack.prior.superior', { level: s.level, stage: s.stage, receiver: [s.receiverRole, s.agencyId].filter(Boolean).join(' · '), at: at(s.firedAt), ack }));
  }
  line(t(prior.satisfied ? 'pack.prior.satisfied' : 'pack.prior.notSatisfied'));

  heading(t('pack.section.window'));
  const w = pack.ombudsmanWindow;
  line(t(w.within ? 'pack.window.within' : 'pack.window.outside', { occurredAt: at(w.occurredAt), closesAt: at(w.closesAt) }));

  heading(t('pack.section.deadlines'));
  if (!pack.deadlines.length) none();
  for (const d of pack.deadlines) {
    bullet(t('pack.deadline', { stage: d.stage ?? '—', clockId: d.clockId ?? '—', plannedAt: at(d.plannedAt), source: d.source ?? '—' }));
    line(d.explanation, { color: GREY, indent: 20 });
  }

  heading(t('pack.section.breaches'));
  if (!pack.breaches.length) none();
  for (const b of pack.breaches) bullet(t('pack.breach', { stage: b.stage, dueAt: at(b.dueAt), at: at(b.at) }));

  heading(t('pack.section.escalations'));
  if (!pack.escalations.length) none();
  for (const e of pack.escalations) {
    const rerouted = e.reroutedFrom ? t('pack.escalation.rerouted', { role: e.reroutedFrom }) : '';
    bullet(t('pack.escalation', { level: e.level, stage: e.stage, dueAt: at(e.dueAt), firedAt: at(e.firedAt), receiver: [e.receiverRole, e.agencyId].filter(Boolean).join(' · ') + rerouted }));
    const ack = e.acknowledgement;
    line(
      ack ? [t('pack.ack.by', { by: [ack.byRole, ack.byId].filter(Boolean).join(' '), at: at(ack.at) }), ack.comment ? t('pack.ack.comment', { comment: ack.comment }) : ''].filter(Boolean).join('; ') : t('pack.ack.none'),
      { color: GREY, indent: 20 },
    );
  }

  heading(t('pack.section.answers'));
  if (!pack.agencyAnswers.length) none();
  for (const a of pack.agencyAnswers) bullet(t('pack.answer', { at: at(a.at), by: [a.actorRole, a.actorId].filter(Boolean).join(' '), action: a.action, text: a.text }));

  heading(t('pack.section.actions'));
  if (!pack.actions.length) none();
  for (const a of pack.actions) bullet(`${at(a.at)} — ${a.summary}`);

  heading(t('pack.section.history'));
  line(t('pack.history.workflow', { workflowId: pack.history.workflowId }));
  for (const r of pack.history.runs) bullet(t('pack.history.run', { runId: r.runId, events: r.eventCount, lastEventId: r.lastEventId }));

  // Footer on every page: the tracking ID, the content digest and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(`${pack.complaint.trackingId} · content-sha256 ${digests.contentSha256} · ${t('pack.page', { page: i + 1, pages: range.count })}`, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
