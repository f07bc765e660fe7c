import { ConfigError } from '@assay/core';
import { modules } from '@assay/platform';
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.ts';
import { registerStartCommand } from './commands/start.ts';
import { lazyPlatform } from './platform.ts';

const program = new Command('assay')
  .description('Assay: compliance, visibility and intel on one platform')
  .showHelpAfterError();
const platform = lazyPlatform();

registerStartCommand(program);
registerAdminCommands(program, platform.get);
for (const module of modules) module.cli?.(program, platform.get);

try {
  await program.parseAsync(process.argv);
  await platform.close();
} catch (error) {
  await platform.close().catch(() => {});
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
