import { z } from 'zod';

/** The preferences a member can switch, with what each one covers. */
export const PREFERENCES = {
  job_finished: 'A job you started finished',
  job_failed: 'A job you started failed',
  invitation: 'Someone accepted an invitation you sent',
  quota_nearly_reached: 'Your organization used 80% of a plan quota (admins and owners)',
} as const;
export type PreferenceKey = keyof typeof PREFERENCES;

/** Every email this feature sends; the operational ones (a disabled webhook) ignore preferences. */
export const NOTIFICATION_KINDS = {
  job_finished: 'job_finished',
  job_failed: 'job_failed',
  invitation_accepted: 'invitation',
  quota_nearly_reached: 'quota_nearly_reached',
  webhook_disabled: null,
} as const satisfies Record<string, PreferenceKey | null>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const notificationKind = z.enum(
  Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]],
);
