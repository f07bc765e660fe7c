'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import type { Assessment, NewShareLink } from '@/lib/compliance-types';
import { describeError } from '@/lib/errors';
import { runAction } from '@/lib/run-action';
import { assessmentSchema, projectSchema, shareSchema } from '@/lib/schemas';
import type { Project } from '@/lib/types';

const id = z.uuid();

export async function createProject(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(projectSchema, form, async (input) => {
    const project = await api<Project>('/v1/projects', { method: 'POST', body: { name: input.name } });
    redirect(`/compliance?project=${project.id}`);
  });
}

export async function deleteDocument(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, project_id: id }), form, async (input) => {
    await api(`/v1/compliance/documents/${input.id}`, { method: 'DELETE' });
    redirect(`/compliance?project=${input.project_id}`);
  });
}

/** Starts an assessment; the form then follows it (polling every 2 s) until it completes. */
export async function startAssessment(
  _: ActionState & { assessment?: Assessment },
  form: FormData,
): Promise<ActionState & { assessment?: Assessment }> {
  let assessment: Assessment | undefined;
  const state = await runAction(
    assessmentSchema,
    form,
    async (input) => {
      assessment = await api<Assessment>('/v1/assessments', { method: 'POST', body: input });
      revalidatePath(`/compliance/documents/${input.document_id}`);
    },
    ['frameworks'],
  );
  return { ...state, assessment };
}

export async function rerunAssessment(assessmentId: string): Promise<ActionState> {
  if (!id.safeParse(assessmentId).success) return { error: 'Unknown assessment.' };
  try {
    await api<Assessment>(`/v1/assessments/${assessmentId}/rerun`, { method: 'POST' });
    return { ok: true, message: 'The assessment runs again.' };
  } catch (error) {
    return { error: describeError(error) };
  }
}

export async function createShare(
  _: ActionState & { link?: NewShareLink },
  form: FormData,
): Promise<ActionState & { link?: NewShareLink }> {
  let link: NewShareLink | undefined;
  const state = await runAction(shareSchema, form, async (input) => {
    link = await api<NewShareLink>(`/v1/assessments/${input.assessment_id}/shares`, {
      method: 'POST',
      body: { expires_in_days: input.expires_in_days },
    });
    return { ok: true, message: 'Link created. Copy it now: it is not shown again.' };
  });
  return { ...state, link };
}

export async function revokeShare(assessmentId: string, shareId: string): Promise<ActionState> {
  if (!id.safeParse(assessmentId).success || !id.safeParse(shareId).success)
    return { error: 'Unknown share link.' };
  try {
    await api(`/v1/assessments/${assessmentId}/shares/${shareId}`, { method: 'DELETE' });
    return { ok: true, message: 'Link revoked.' };
  } catch (error) {
    return { error: describeError(error) };
  }
}
