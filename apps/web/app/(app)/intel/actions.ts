'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { describeError } from '@/lib/errors';
import {
  domainsOf,
  pasteReportSchema,
  projectNameSchema,
  settingsSchema,
  urlReportSchema,
} from '@/lib/intel-schemas';
import type { Decision, IntelSettings, Report, ReviewResult } from '@/lib/intel-types';
import { runAction } from '@/lib/run-action';
import type { Project } from '@/lib/types';

const id = z.uuid();
const optional = (v: string | undefined) => (v ? v : undefined);

export async function createIntelProject(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(projectNameSchema, form, async (input) => {
    const project = await api<Project>('/v1/projects', { method: 'POST', body: { name: input.name } });
    redirect(`${input.back ?? '/intel'}?project=${project.id}`);
  });
}

/** Pasted text: the report is created and its extraction queued; the analyst follows it on its page. */
export async function pasteReport(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(pasteReportSchema, form, async (input) => {
    const report = await api<Report>('/v1/intel/reports', {
      method: 'POST',
      body: {
        source: 'text',
        text: input.text,
        title: optional(input.title),
        tlp: input.tlp,
        project_id: input.project_id,
      },
    });
    redirect(`/intel/reports/${report.id}`);
  });
}

export async function fetchReport(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(urlReportSchema, form, async (input) => {
    const report = await api<Report>('/v1/intel/reports', {
      method: 'POST',
      body: {
        source: 'url',
        url: input.url,
        title: optional(input.title),
        tlp: input.tlp,
        project_id: input.project_id,
      },
    });
    redirect(`/intel/reports/${report.id}`);
  });
}

const decisionSchema = z.object({
  item_id: id,
  action: z.enum(['accept', 'reject', 'edit']),
  value: z.string().trim().min(1).max(2048).optional(),
  type: z.string().max(40).optional(),
});

/** Decisions from the review screen; `remaining` settles everything still pending. */
export async function reviewReport(
  reportId: string,
  decisions: Decision[],
  remaining?: 'accept' | 'reject',
): Promise<ActionState & { result?: ReviewResult }> {
  if (!id.safeParse(reportId).success) return { error: 'Unknown report.' };
  const parsed = z.array(decisionSchema).max(5000).safeParse(decisions);
  if (!parsed.success) return { error: 'Some decisions are not valid. Reload the page and try again.' };
  try {
    const result = await api<ReviewResult>(`/v1/intel/reports/${reportId}/review`, {
      method: 'POST',
      body: { decisions: parsed.data, ...(remaining ? { remaining } : {}) },
    });
    revalidatePath(`/intel/reports/${reportId}`);
    const parts = [
      result.accepted ? `${result.accepted} accepted` : '',
      result.rejected ? `${result.rejected} rejected` : '',
      `${result.pending} still pending`,
    ].filter(Boolean);
    return { ok: true, message: `Saved: ${parts.join(', ')}.`, result };
  } catch (error) {
    return { error: describeError(error) };
  }
}

export async function saveIntelSettings(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(settingsSchema, form, async (input) => {
    await api<IntelSettings>('/v1/intel/settings', {
      method: 'PUT',
      body: {
        auto_accept_threshold:
          input.auto_accept_threshold === '' ? null : Number(input.auto_accept_threshold),
        publisher_domains: domainsOf(input.publisher_domains),
        default_tlp: input.default_tlp,
      },
    });
    revalidatePath('/intel');
    return { ok: true, message: 'Settings saved.' };
  });
}
