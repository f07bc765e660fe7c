import { defineJob, type Platform } from '@assay/core';
import { memberships, organizations, users } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import { NOTIFICATION_KINDS } from './kinds.ts';
import { preferencesOf } from './preferences.ts';
import { NOTIFICATION_JOB } from './queue.ts';
import { renderEmail } from './templates.ts';

/**
 * Sends one notification email. Preferences and membership are read when it runs, so switching an
 * email off (or leaving the organization) also stops the ones already queued.
 */
export const notificationJob = (platform: Platform) =>
  defineJob({
    ...NOTIFICATION_JOB,
    async handler(payload, ctx) {
      const [row] = await ctx.db
        .select({ email: users.email, name: users.name, orgName: organizations.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .where(and(eq(memberships.orgId, payload.orgId), eq(memberships.userId, payload.userId)));
      if (!row) return { skipped: 'not a member' };
      const preference = NOTIFICATION_KINDS[payload.kind];
      if (preference && !(await preferencesOf(ctx.db, payload.orgId, payload.userId))[preference]) {
        return { skipped: `preference ${preference} is off` };
      }
      const email = renderEmail(payload.kind, {
        orgName: row.orgName,
        userName: row.name || row.email,
        webUrl: platform.config.publicWebUrl,
        params: payload.params,
      });
      await platform.mailer.send({ to: row.email, ...email });
      return { sent: payload.kind };
    },
  });
