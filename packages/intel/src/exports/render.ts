import type { ExportFormat, ExportModel } from './model.ts';
import { toPdf } from './pdf.ts';
import { toStixBundle } from './stix.ts';
import { toCsv, toJson } from './tabular.ts';

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  filename: string;
}

export async function renderExport(model: ExportModel, format: ExportFormat): Promise<RenderedExport> {
  const stamp = model.generatedAt.toISOString().slice(0, 10);
  switch (format) {
    case 'stix':
      return {
        body: Buffer.from(JSON.stringify(toStixBundle(model), null, 2)),
        contentType: 'application/stix+json;version=2.1',
        filename: `intel-${stamp}.stix.json`,
      };
    case 'json':
      return {
        body: Buffer.from(JSON.stringify(toJson(model), null, 2)),
        contentType: 'application/json',
        filename: `intel-${stamp}.json`,
      };
    case 'csv':
      return {
        body: Buffer.from(toCsv(model)),
        contentType: 'text/csv; charset=utf-8',
        filename: `intel-${stamp}.csv`,
      };
    case 'pdf':
      return { body: await toPdf(model), contentType: 'application/pdf', filename: `intel-${stamp}.pdf` };
  }
}
