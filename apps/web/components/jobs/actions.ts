'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { ApiError, describeError } from '@/lib/errors';
import type { Job } from '@/lib/types';

const id = z.uuid();

async function call(path: string, done: string): Promise<ActionState> {
  try {
    await api<Job>(path, { method: 'POST' });
    return { ok: true, message: done };
  } catch (error) {
    return { error: describeError(error instanceof ApiError ? error : new Error('The request failed.')) };
  }
}

export async function retryJob(jobId: string): Promise<ActionState> {
  if (!id.safeParse(jobId).success) return { error: 'Unknown job.' };
  return call(`/v1/jobs/${jobId}/retry`, 'Job queued again.');
}

export async function cancelJob(jobId: string): Promise<ActionState> {
  if (!id.safeParse(jobId).success) return { error: 'Unknown job.' };
  return call(`/v1/jobs/${jobId}/cancel`, 'Job cancelled.');
}

/** Starts an organization export (admin); the page then follows the job. */
export async function startExport(): Promise<ActionState & { jobId?: string }> {
  try {
    const job = await api<Job>('/v1/exports', { method: 'POST' });
    return { ok: true, message: 'Export started.', jobId: job.id };
  } catch (error) {
    return { error: describeError(error) };
  }
}
