import { AppError, type ErrorDetail, recordAudit, type ServiceContext } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { parseCsv } from './csv.ts';
import { extractorFor, loadBrands } from './extract.ts';
import { type ImportRow, type importBody, importRow, MAX_IMPORT_ROWS } from './import-contracts.ts';
import { assertProject } from './project.ts';
import { visibilityPrompts } from './schema.ts';
import { storeImportedAnswers } from './store-answer.ts';

const MAX_REPORTED_ERRORS = 50;
const CSV_COLUMNS = ['prompt', 'model', 'date', 'answer', 'citations', 'topic'];

/** CSV rows as objects keyed by the header; citations split on whitespace or `|`. */
function csvRows(csv: string): { raw: unknown; label: string }[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(csv);
  } catch (error) {
    throw new AppError('VALIDATION_ERROR', `The CSV could not be read: ${(error as Error).message}`, {
      details: [{ field: 'csv', message: (error as Error).message }],
    });
  }
  const [header, ...data] = parsed;
  const names = (header?.cells ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['prompt', 'model', 'date', 'answer'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_ERROR', `The CSV header must name the columns ${CSV_COLUMNS.join(', ')}`, {
      details: missing.map((c) => ({ field: 'csv', message: `missing column "${c}"` })),
    });
  }
  if (data.length === 0)
    throw new AppError('VALIDATION_ERROR', 'The CSV has no rows after its header', {
      details: [{ field: 'csv', message: 'no rows' }],
    });
  if (data.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'VALIDATION_ERROR',
      `At most ${MAX_IMPORT_ROWS} answers per import (this CSV has ${data.length})`,
      {
        details: [{ field: 'csv', message: 'too many rows' }],
      },
    );
  }
  return data.map((row, i) => {
    const get = (column: string) => {
      const at = names.indexOf(column);
      return at >= 0 ? (row.cells[at] ?? '') : undefined;
    };
    const citations = (get('citations') ?? '').split(/[\s|]+/).filter(Boolean);
    const topic = get('topic')?.trim();
    return {
      raw: {
        prompt: get('prompt'),
        model: get('model'),
        date: get('date'),
        answer: get('answer'),
        citations,
        topic: topic || null,
      },
      label: `row ${i + 1} (line ${row.line})`,
    };
  });
}

/** Every row checked before anything is written: one bad row rejects the import, naming each bad row. */
function validateRows(input: { raw: unknown; label: string }[]): ImportRow[] {
  const rows: ImportRow[] = [];
  const details: ErrorDetail[] = [];
  let bad = 0;
  input.forEach(({ raw, label }, i) => {
    const parsed = importRow.safeParse(raw);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    bad += 1;
    for (const issue of parsed.error.issues) {
      if (details.length >= MAX_REPORTED_ERRORS) break;
      const field = `rows[${i + 1}]${issue.path.length ? `.${issue.path.join('.')}` : ''}`;
      details.push({ field, message: `${label}: ${issue.message}` });
    }
  });
  if (bad > 0) {
    throw new AppError(
      'VALIDATION_ERROR',
      `${bad} of ${input.length} rows are invalid; nothing was imported`,
      { details },
    );
  }
  return rows;
}

/**
 * Imports answers checked elsewhere: each is marked imported, extracted like a scanned answer and
 * linked to the project's prompt with the same text (an inactive prompt is added when there is none).
 * All or nothing, in one transaction. Imported answers are not billed.
 */
export async function importAnswers(ctx: ServiceContext, input: z.infer<typeof importBody>) {
  const raw = input.rows
    ? input.rows.map((row, i) => ({ raw: row, label: `row ${i + 1}` }))
    : csvRows(input.csv ?? '');
  const rows = validateRows(raw);
  const label = input.label ?? `Imported ${new Date().toISOString().slice(0, 10)}`;
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const extractor = extractorFor(await loadBrands(tx, ctx.orgId, input.project_id));
    const prompts = await tx
      .select()
      .from(visibilityPrompts)
      .where(and(eq(visibilityPrompts.orgId, ctx.orgId), eq(visibilityPrompts.projectId, input.project_id)));
    const byText = new Map(prompts.map((p) => [p.text.trim().toLowerCase(), p]));
    // Prompts the project lacks are added once each, inactive, in one insert.
    const missing = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const key = row.prompt.toLowerCase();
      if (!byText.has(key) && !missing.has(key)) missing.set(key, row);
    }
    const created = missing.size
      ? await tx
          .insert(visibilityPrompts)
          .values(
            [...missing.values()].map((row) => ({
              orgId: ctx.orgId,
              projectId: input.project_id,
              text: row.prompt,
              topic: row.topic ?? null,
              tags: ['imported'],
              active: false,
            })),
          )
          .returning()
      : [];
    for (const prompt of created) byText.set(prompt.text.trim().toLowerCase(), prompt);
    const promptsCreated = created.length;
    const ids = await storeImportedAnswers(
      tx,
      extractor,
      rows.map((row) => {
        const prompt = byText.get(row.prompt.toLowerCase())!;
        return {
          orgId: ctx.orgId,
          projectId: input.project_id,
          runId: null,
          promptId: prompt.id,
          promptText: row.prompt,
          topic: row.topic ?? prompt.topic,
          model: row.model,
          sample: 1,
          text: row.answer,
          sampledAt: new Date(row.date),
          providerCitations: row.citations.map((c) =>
            typeof c === 'string' ? { url: c, title: null } : { url: c.url, title: c.title ?? null },
          ),
          importLabel: label,
        };
      }),
    );
    await recordAudit(tx, ctx, {
      action: 'visibility.answers.import',
      targetType: 'project',
      targetId: input.project_id,
      after: { answers: ids.length, label, prompts_created: promptsCreated },
    });
    return { imported: ids.length, label, prompts_created: promptsCreated, answer_ids: ids };
  });
}
