import { defineModule } from '@assay/core';
import { registerVisibilityCli } from './cli.ts';

/** Seed 001: how LLMs talk about a brand. The extraction, metrics and health engines and the CLI land first. */
export const visibilityModule = defineModule({
  name: 'visibility',
  cli: (program) => registerVisibilityCli(program),
});
