import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword, type Platform } from '@assay/core';
import { projects, users } from '@assay/db';
import { createOrganization, findUserByEmail, modules } from '@assay/platform';
import { count } from 'drizzle-orm';

const META = { ip: null, userAgent: 'assay-cli', traceId: null };
export const DEMO_EMAIL = 'demo@assay.local';

export async function createUser(
  platform: Platform,
  input: { email: string; password: string; name: string; org?: string },
) {
  if (input.password.length < 10) throw new Error('the password needs at least 10 characters');
  const passwordHash = await hashPassword(input.password);
  return platform.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
      .returning();
    const org = await createOrganization(tx, user.id, input.org ?? `${input.name}'s organization`, META);
    return { user, org };
  });
}

/**
 * On a fresh installation, a demo account and organization with sample projects, so a newcomer has
 * something to look at. Its password is generated once and kept in DATA_DIR (mode 0600).
 */
export async function ensureDemo(platform: Platform): Promise<DemoResult | undefined> {
  const file = join(platform.config.dataDir, 'demo-credentials.json');
  if (existsSync(file))
    return { credentials: JSON.parse(readFileSync(file, 'utf8')), seedModules: async () => {} };
  const [{ n }] = await platform.db.select({ n: count() }).from(users);
  if (Number(n) > 0 || (await findUserByEmail(platform.db, DEMO_EMAIL))) return undefined;
  const password = randomBytes(9).toString('base64url');
  const { user, org } = await createUser(platform, {
    email: DEMO_EMAIL,
    password,
    name: 'Demo User',
    org: 'Demo Organization',
  });
  const created = await platform.db
    .insert(projects)
    .values([
      {
        orgId: org.id,
        name: 'Vendor policies',
        description: 'Security and privacy policies under review',
        createdBy: user.id,
      },
      {
        orgId: org.id,
        name: 'Brand visibility',
        description: 'How assistants talk about our brand',
        createdBy: user.id,
      },
      {
        orgId: org.id,
        name: 'Threat watch',
        description: 'Reports on actors targeting our sector',
        createdBy: user.id,
      },
    ])
    .returning();
  const credentials = { email: DEMO_EMAIL, password };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return {
    credentials,
    seedModules: async () => {
      for (const module of modules) {
        if (!module.demo) continue;
        const project = created.find((p) => p.name === module.demo!.project) ?? created[0];
        await module.demo
          .seed(platform, { orgId: org.id, userId: user.id, projectId: project.id })
          .catch((error: unknown) =>
            platform.logger.warn({ err: error, module: module.name }, 'demo data not added'),
          );
      }
    },
  };
}

export interface DemoResult {
  credentials: { email: string; password: string };
  /** Adds each module's sample data; needs a running worker. */
  seedModules(): Promise<void>;
}
