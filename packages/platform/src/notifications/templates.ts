import type { NotificationKind } from './kinds.ts';

export interface RenderContext {
  orgName: string;
  userName: string;
  webUrl: string;
  params: Record<string, string | number | null>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Content {
  subject: string;
  lines: string[];
  action?: { label: string; path: string };
}

const str = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function content(kind: NotificationKind, c: RenderContext): Content {
  const p = c.params;
  switch (kind) {
    case 'job_finished':
      return {
        subject: `Your job ${str(p.name)} finished`,
        lines: [`The job ${str(p.name)} you started in ${c.orgName} completed.`],
        action: { label: 'See the job', path: `/jobs?id=${str(p.job_id)}` },
      };
    case 'job_failed':
      return {
        subject: `Your job ${str(p.name)} failed`,
        lines: [
          `The job ${str(p.name)} you started in ${c.orgName} failed after ${str(p.attempts)} attempt(s).`,
          `Error: ${str(p.error) || 'unknown'}`,
          'An admin can retry it from the jobs page.',
        ],
        action: { label: 'See the job', path: `/jobs?id=${str(p.job_id)}` },
      };
    case 'invitation_accepted':
      return {
        subject: `${str(p.email)} joined ${c.orgName}`,
        lines: [`${str(p.email)} accepted your invitation and joined ${c.orgName} as ${str(p.role)}.`],
        action: { label: 'See the members', path: '/members' },
      };
    case 'quota_nearly_reached':
      return {
        subject: `${c.orgName} has used ${str(p.percent)}% of its ${str(p.metric)} quota`,
        lines: [
          `${c.orgName} has used ${str(p.used)} of ${str(p.limit)} ${str(p.metric)} this month (${str(p.percent)}%).`,
          `The quota resets on ${str(p.resets_at).slice(0, 10)}. Past the limit, new work is refused until then.`,
        ],
        action: { label: 'See usage', path: '/settings' },
      };
    case 'webhook_disabled':
      return {
        subject: `A webhook endpoint of ${c.orgName} was disabled`,
        lines: [
          `Deliveries to ${str(p.url)} kept failing, so the endpoint was disabled. No more events are sent to it.`,
          `Last error: ${str(p.error) || 'unknown'}`,
          'Fix the receiver, then enable the endpoint again and redeliver what it missed.',
        ],
        action: { label: 'Open webhooks', path: '/settings/webhooks' },
      };
  }
}

/** Every email in plain text and HTML; values are escaped in the HTML. */
export function renderEmail(kind: NotificationKind, c: RenderContext): RenderedEmail {
  const { subject, lines, action } = content(kind, c);
  const link = action ? `${c.webUrl}${action.path}` : undefined;
  const footer = `You get this email as a member of ${c.orgName}. Choose which emails you get: ${c.webUrl}/settings/notifications`;
  const text = [
    `Hello ${c.userName},`,
    '',
    ...lines,
    ...(action && link ? ['', `${action.label}: ${link}`] : []),
    '',
    '--',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">',
    `<p>Hello ${escapeHtml(c.userName)},</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    action && link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(action.label)}</a></p>` : '',
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
