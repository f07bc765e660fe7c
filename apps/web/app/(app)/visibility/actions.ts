'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { runAction } from '@/lib/run-action';
import { projectSchema } from '@/lib/schemas';
import type { Project } from '@/lib/types';
import {
  brandEditSchema,
  brandFormSchema,
  bulkPromptsSchema,
  modelSetFormSchema,
  promptFormSchema,
  scheduleFormSchema,
  startRunSchema,
  suggestionSchema,
} from '@/lib/visibility-schemas';
import type { Brand, ScanRun } from '@/lib/visibility-types';

const id = z.uuid();
const SETUP = '/visibility/setup';

export async function createVisibilityProject(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(projectSchema, form, async (input) => {
    const project = await api<Project>('/v1/projects', { method: 'POST', body: { name: input.name } });
    redirect(`/visibility/setup?project=${project.id}`);
  });
}

export async function createBrand(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(brandFormSchema, form, async (input) => {
    const brand = await api<Brand>('/v1/brands', { method: 'POST', body: input });
    revalidatePath(SETUP);
    return {
      ok: true,
      message: `${brand.name} is tracked${brand.owned ? ' as your brand' : ' as a competitor'}. Stored answers are extracted again in the background.`,
    };
  });
}

export async function updateBrand(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(brandEditSchema, form, async ({ id: brandId, ...changes }) => {
    const brand = await api<Brand>(`/v1/brands/${brandId}`, { method: 'PATCH', body: changes });
    revalidatePath(SETUP);
    return {
      ok: true,
      message: `${brand.name} saved. Stored answers are extracted again with these names in the background.`,
    };
  });
}

export async function createPrompt(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(promptFormSchema, form, async (input) => {
    await api('/v1/prompts', {
      method: 'POST',
      body: {
        project_id: input.project_id,
        text: input.text,
        topic: input.topic ?? null,
        tags: input.tags,
        language: input.language ?? null,
        country: input.country ?? null,
      },
    });
    revalidatePath(SETUP);
    return { ok: true, message: 'Prompt added.' };
  });
}

export async function createPrompts(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(bulkPromptsSchema, form, async (input) => {
    const shared = {
      topic: input.topic ?? null,
      language: input.language ?? null,
      country: input.country ?? null,
    };
    const res = await api<{ data: unknown[] }>('/v1/prompts/bulk', {
      method: 'POST',
      body: { project_id: input.project_id, prompts: input.lines.map((text) => ({ text, ...shared })) },
    });
    revalidatePath(SETUP);
    return { ok: true, message: `${res.data.length} prompts added.` };
  });
}

export async function createModelSet(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(modelSetFormSchema, form, async (input) => {
    await api('/v1/model-sets', { method: 'POST', body: input });
    revalidatePath(SETUP);
    return { ok: true, message: `Model set “${input.name}” saved.` };
  });
}

const KINDS = { brand: '/v1/brands', prompt: '/v1/prompts', model_set: '/v1/model-sets' } as const;

export async function deleteSetupItem(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, kind: z.enum(['brand', 'prompt', 'model_set']) }), form, async (input) => {
    await api(`${KINDS[input.kind]}/${input.id}`, { method: 'DELETE' });
    revalidatePath(SETUP);
  });
}

export async function setPromptActive(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, active: z.enum(['true', 'false']) }), form, async (input) => {
    await api(`/v1/prompts/${input.id}`, { method: 'PATCH', body: { active: input.active === 'true' } });
    revalidatePath(SETUP);
  });
}

/**
 * Starts a run and opens its page, which follows the progress. `noProvider` tells the form to explain how
 * to configure an LLM instead of showing a bare error.
 */
export async function startScanRun(
  _: ActionState & { noProvider?: boolean },
  form: FormData,
): Promise<ActionState & { noProvider?: boolean }> {
  let noProvider = false;
  const state = await runAction(startRunSchema, form, async (input) => {
    try {
      const run = await api<ScanRun>('/v1/scan-runs', { method: 'POST', body: input });
      redirect(`/visibility/scans/${run.id}?project=${input.project_id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SERVICE_UNAVAILABLE') noProvider = true;
      throw error;
    }
  });
  return { ...state, noProvider };
}

export async function cancelScanRun(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id }), form, async (input) => {
    await api<ScanRun>(`/v1/scan-runs/${input.id}/cancel`, { method: 'POST' });
    revalidatePath(`/visibility/scans/${input.id}`);
    return { ok: true, message: 'The run is cancelled; answers already received are kept.' };
  });
}

/** "Add as competitor" on a suggestion: a brand with the suggested name, not owned. The page confirms it. */
export async function addSuggestedCompetitor(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(suggestionSchema, form, async (input) => {
    await api<Brand>('/v1/brands', {
      method: 'POST',
      body: { project_id: input.project_id, name: input.name, owned: false },
    });
    redirect(
      `/visibility/competitors?${new URLSearchParams({ project: input.project_id, added: input.name })}`,
    );
  });
}

const SCANS = '/visibility/scans';

export async function createSchedule(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(scheduleFormSchema, form, async (input) => {
    await api('/v1/scan-schedules', { method: 'POST', body: input });
    revalidatePath(SCANS);
    return { ok: true, message: `Scheduled: ${input.cron} (${input.timezone}).` };
  });
}

export async function setScheduleEnabled(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, enabled: z.enum(['true', 'false']) }), form, async (input) => {
    await api(`/v1/scan-schedules/${input.id}`, {
      method: 'PATCH',
      body: { enabled: input.enabled === 'true' },
    });
    revalidatePath(SCANS);
  });
}

export async function deleteSchedule(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id }), form, async (input) => {
    await api(`/v1/scan-schedules/${input.id}`, { method: 'DELETE' });
    revalidatePath(SCANS);
  });
}
