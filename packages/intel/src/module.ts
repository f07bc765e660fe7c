import { defineModule } from '@assay/core';
import { registerIntelCli } from './cli.ts';

/** Seed 000: threat reports in, indicators, actors and ATT&CK techniques out. The engine and CLI land first. */
export const intelModule = defineModule({
  name: 'intel',
  cli: (program) => registerIntelCli(program),
});
