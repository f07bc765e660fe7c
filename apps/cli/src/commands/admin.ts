import { isRole, type Platform, SYSTEM_ACTOR } from '@assay/core';
import { migrate, organizations, seedPlans } from '@assay/db';
import { createApiKey, createOrganization, findUserByEmail } from '@assay/platform';
import type { Command } from 'commander';

import { createUser } from '../demo.ts';

const CLI_META = { ip: null, userAgent: 'assay-cli', traceId: null };

export function registerAdminCommands(program: Command, platform: () => Promise<Platform>) {
  program
    .command('migrate')
    .description('Apply pending database migrations (safe to run twice, or from two processes at once)')
    .action(async () => {
      const p = await platform();
      const result = await migrate(p.database);
      await seedPlans(p.db);
      console.log(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'database is up to date');
    });

  const user = program.command('user').description('Manage built-in accounts');
  user
    .command('create')
    .description('Create a user and an organization they own')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--name <name>', 'display name', 'Admin')
    .option('--org <name>', 'organization name')
    .action(async (options) => {
      const p = await platform();
      if (await findUserByEmail(p.db, options.email))
        throw new Error(`a user with email ${options.email} exists`);
      const created = await createUser(p, options);
      console.log(
        `user ${created.user.id} <${created.user.email}> owns organization ${created.org.id} (${created.org.name})`,
      );
    });

  const org = program.command('org').description('Organizations');
  org
    .command('list')
    .description('List organizations')
    .action(async () => {
      const p = await platform();
      const rows = await p.db.select().from(organizations).orderBy(organizations.createdAt);
      for (const o of rows) console.log(`${o.id}  ${o.planId}  ${o.name}`);
      if (rows.length === 0) console.log('no organizations');
    });
  org
    .command('create')
    .description('Create an organization owned by an existing user')
    .requiredOption('--owner <email>')
    .requiredOption('--name <name>')
    .action(async (options) => {
      const p = await platform();
      const owner = await findUserByEmail(p.db, options.owner);
      if (!owner) throw new Error(`no user with email ${options.owner}`);
      const created = await p.db.transaction((tx) =>
        createOrganization(tx, owner.id, options.name, CLI_META),
      );
      console.log(created.id);
    });

  program
    .command('api-key')
    .description('API keys')
    .command('create')
    .description('Create an API key and print its secret (shown once)')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--name <name>')
    .option('--scopes <list>', 'comma-separated scopes, e.g. projects:read,jobs:write', '*')
    .option('--role <role>', 'owner, admin, editor or viewer', 'viewer')
    .option('--expires <iso>', 'expiry time, ISO 8601')
    .action(async (options) => {
      if (!isRole(options.role)) throw new Error('--role must be owner, admin, editor or viewer');
      const p = await platform();
      const key = await createApiKey(
        { db: p.db, orgId: options.org, actor: SYSTEM_ACTOR, role: 'owner', meta: CLI_META },
        {
          name: options.name,
          scopes: String(options.scopes).split(','),
          role: options.role,
          expires_at: options.expires,
        },
      );
      console.log(key.secret);
    });
}
