import PDFDocument from 'pdfkit';
import { type ReportModel, sortFindings } from './model.ts';

const STATUS_LABEL = {
  met: 'Met',
  partial: 'Partially met',
  missing: 'Missing',
  not_applicable: 'Not applicable',
} as const;
const STATUS_COLOR = {
  met: '#1b7f3b',
  partial: '#a15c00',
  missing: '#b3261e',
  not_applicable: '#5f6368',
} as const;

/** A report an auditor can file: cover, summary per framework, then every control with its evidence. */
export function reportPdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Compliance assessment: ${model.documentName}`, Author: 'Assay' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(22).text('Compliance assessment report');
  doc.moveDown(0.5).font('Helvetica').fontSize(11).fillColor('#333');
  doc.text(`Organization: ${model.organization}`);
  doc.text(`Document: ${model.documentName}`);
  doc.text(`Frameworks: ${model.frameworks.join(', ')}`);
  doc.text(
    `Engine: ${model.engine}${model.engine === 'baseline' ? ' (rule-based, no language model)' : ' (language model, quotes verified against the document)'}`,
  );
  doc.text(`Completed: ${model.completedAt ?? 'not completed'}`);
  doc.text(`Reference: ${model.assessmentId}`);

  doc.moveDown().font('Helvetica-Bold').fontSize(14).fillColor('#000').text('Summary');
  doc.font('Helvetica').fontSize(11);
  for (const f of model.summary?.frameworks ?? []) {
    const coverage =
      f.coverage === null ? 'no applicable controls' : `${Math.round(f.coverage * 100)}% coverage`;
    const counts = Object.entries(f.byStatus).map(
      ([status, n]) => `${STATUS_LABEL[status as keyof typeof STATUS_LABEL]} ${n}`,
    );
    doc.text(`${f.framework.toUpperCase()}: ${coverage} (${counts.join(', ')})`);
  }
  doc.moveDown(0.5).fontSize(9).fillColor('#555');
  doc.text(
    'Coverage counts a met control as 1 and a partially met one as 0.5, over the controls that apply. Every quoted sentence was checked to appear word for word in the document.',
  );

  let framework = '';
  for (const f of sortFindings(model.findings)) {
    if (f.framework !== framework) {
      framework = f.framework;
      doc.addPage().font('Helvetica-Bold').fontSize(16).fillColor('#000').text(framework.toUpperCase());
      doc.moveDown(0.5);
    }
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#000')
      .text(`${f.control_id}  ${f.title ?? ''}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(STATUS_COLOR[f.status])
      .text(
        `${STATUS_LABEL[f.status]}  ·  severity ${f.severity}  ·  confidence ${Math.round(f.confidence * 100)}%  ·  ${f.method}`,
      );
    doc.fillColor('#222');
    for (const e of f.evidence)
      doc.font('Helvetica-Oblique').text(`“${e.quote}” (${e.location})`, { indent: 12 });
    for (const gap of f.gaps) doc.font('Helvetica').text(`Gap: ${gap}`, { indent: 12 });
    for (const rec of f.recommendations) doc.font('Helvetica').text(`Recommendation: ${rec}`, { indent: 12 });
    doc.moveDown(0.6);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#777')
      .text(`Assay · ${model.documentName} · page ${i + 1} of ${range.count}`, 56, doc.page.height - 40, {
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
