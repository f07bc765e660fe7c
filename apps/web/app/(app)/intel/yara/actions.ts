'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import type { YaraRuleSet } from '@/lib/intel-types';
import { compileProblems, type LineProblem, ruleSetSchema } from '@/lib/intel-yara';
import { runAction } from '@/lib/run-action';

export type RuleSetState = ActionState & { problems?: LineProblem[]; source?: string };

/** Uploads a rule set; compile errors come back with their lines so the form can show them in place. */
export async function createRuleSet(_: RuleSetState, form: FormData): Promise<RuleSetState> {
  let problems: LineProblem[] | undefined;
  const state = await runAction(ruleSetSchema, form, async (input) => {
    try {
      const set = await api<YaraRuleSet>('/v1/intel/yara/rule-sets', {
        method: 'POST',
        body: { ...input, description: input.description || undefined },
      });
      revalidatePath('/intel/yara');
      return {
        ok: true,
        message: `${set.name}: ${set.rule_count} rule${set.rule_count === 1 ? '' : 's'} compiled and added as indicators.`,
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) problems = compileProblems(error.details);
      throw error;
    }
  });
  const located = problems?.filter((p) => p.line !== null).length ?? 0;
  if (problems && located > 0)
    return {
      error: `The rules do not compile: ${located === 1 ? 'one error' : `${located} errors`}, shown at ${located === 1 ? 'its line' : 'their lines'} below.`,
      fields: { source: 'Fix the marked lines and compile again.' },
      problems,
      source: String(form.get('source') ?? ''),
    };
  return { ...state, problems, source: problems ? String(form.get('source') ?? '') : undefined };
}

export async function deleteRuleSet(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid(), project_id: z.uuid() }), form, async (input) => {
    await api(`/v1/intel/yara/rule-sets/${input.id}`, { method: 'DELETE' });
    redirect(`/intel/yara?project=${input.project_id}`);
  });
}
