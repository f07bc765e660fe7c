'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { agentBody, agentSchema, feedSchema } from '@/lib/intel-agents';
import type { Agent, AgentRun, Feed } from '@/lib/intel-types';
import { runAction } from '@/lib/run-action';

const id = z.uuid();

export async function createAgent(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(agentSchema, form, async (input) => {
    const agent = await api<Agent>('/v1/intel/agents', { method: 'POST', body: agentBody(input) });
    redirect(`/intel/agents/${agent.id}`);
  });
}

export async function runAgent(agentId: string): Promise<ActionState> {
  if (!id.safeParse(agentId).success) return { error: 'Unknown agent.' };
  try {
    await api<AgentRun>(`/v1/intel/agents/${agentId}/run`, { method: 'POST' });
    revalidatePath(`/intel/agents/${agentId}`);
    return { ok: true, message: 'The run is queued. Its progress shows below.' };
  } catch (error) {
    return { error: describeError(error) };
  }
}

export async function setAgentEnabled(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, enabled: z.enum(['true', 'false']) }), form, async (input) => {
    await api<Agent>(`/v1/intel/agents/${input.id}`, {
      method: 'PATCH',
      body: { enabled: input.enabled === 'true' },
    });
    revalidatePath(`/intel/agents/${input.id}`);
    return { ok: true, message: input.enabled === 'true' ? 'Agent resumed.' : 'Agent paused.' };
  });
}

export async function deleteAgent(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id, project_id: id }), form, async (input) => {
    await api(`/v1/intel/agents/${input.id}`, { method: 'DELETE' });
    redirect(`/intel/agents?project=${input.project_id}`);
  });
}

export async function createFeed(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(feedSchema, form, async (input) => {
    const feed = await api<Feed>('/v1/intel/feeds', { method: 'POST', body: input });
    revalidatePath('/intel/trends');
    return { ok: true, message: `Following ${feed.name}.` };
  });
}

export async function pullFeed(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id }), form, async (input) => {
    await api<{ job_id: string }>(`/v1/intel/feeds/${input.id}/fetch`, { method: 'POST' });
    revalidatePath('/intel/trends');
    return { ok: true, message: 'Pulling the feed; new items are extracted as reports.' };
  });
}

export async function deleteFeed(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id }), form, async (input) => {
    await api(`/v1/intel/feeds/${input.id}`, { method: 'DELETE' });
    revalidatePath('/intel/trends');
    return { ok: true, message: 'Feed removed.' };
  });
}

export async function cancelRun(runId: string): Promise<ActionState> {
  if (!id.safeParse(runId).success) return { error: 'Unknown run.' };
  try {
    await api<AgentRun>(`/v1/intel/agent-runs/${runId}/cancel`, { method: 'POST' });
    return { ok: true, message: 'Run cancelled; nothing it did is kept.' };
  } catch (error) {
    return { error: describeError(error) };
  }
}
