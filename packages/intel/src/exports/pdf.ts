import PDFDocument from 'pdfkit';
import type { ExportModel } from './model.ts';

/** A briefing an analyst can hand on: summary, actors, techniques, then every indicator by type. */
export function toPdf(m: ExportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Threat intelligence export', Author: 'Assay' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('#000')
      .text(text)
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#222');

  doc.font('Helvetica-Bold').fontSize(22).text('Threat intelligence export');
  doc.moveDown(0.5).font('Helvetica').fontSize(11).fillColor('#333');
  doc.text(`Organization: ${m.organization}`);
  doc.text(`Generated: ${m.generatedAt.toISOString()}`);
  doc.text(
    `Indicators: ${m.indicators.length} · Actors: ${m.actors.length} · ATT&CK objects: ${m.attack.length} · Reports: ${m.reports.length}`,
  );
  const strictest = ['red', 'amber+strict', 'amber', 'green', 'clear'].find(
    (t) => m.indicators.some((i) => i.tlp === t) || m.reports.some((r) => r.tlp === t),
  );
  if (strictest)
    doc
      .fillColor('#b3261e')
      .text(`Handling: TLP:${strictest.toUpperCase()} (the most restrictive marking in this export)`);

  if (m.actors.length) {
    heading('Threat actors');
    for (const a of m.actors)
      doc.text(
        `${a.name}${a.attackId ? ` (${a.attackId})` : ''}${a.aliases.length ? `, also ${a.aliases.slice(0, 6).join(', ')}` : ''} · seen in ${a.sightings} report(s) · confidence ${a.confidence}`,
      );
  }
  if (m.attack.length) {
    heading('ATT&CK techniques and software');
    for (const t of m.attack)
      doc.text(`${t.id}  ${t.name}${t.tactics.length ? ` (${t.tactics.join(', ')})` : ''}`);
  }
  heading('Indicators');
  let type = '';
  for (const i of m.indicators) {
    if (doc.y > doc.page.height - 100) doc.addPage();
    if (i.type !== type) {
      type = i.type;
      doc.moveDown(0.4).font('Helvetica-Bold').text(type.toUpperCase()).font('Helvetica');
    }
    doc.text(
      `${i.value}   confidence ${i.confidence} · TLP:${i.tlp.toUpperCase()} · ${i.sightings} sighting(s)${i.warnings.length ? ` · ${i.warnings.join('; ')}` : ''}`,
      { indent: 10 },
    );
  }
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#777')
      .text(`Assay intel · page ${p + 1} of ${range.count}`, 56, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
  return done;
}
