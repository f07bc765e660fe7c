import { SMTPServer } from 'smtp-server';
import { freePort } from './servers.ts';

export interface Mail {
  to: string[];
  raw: string;
}

/** A loopback SMTP server that keeps every message, so tests can read invitation links. */
export async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Waits for a message to `to` and returns the invitation token in it (quoted-printable aware). */
    async inviteToken(to: string, timeoutMs = 15_000): Promise<string> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const mail = mails.find((m) => m.to.includes(to));
        if (mail) {
          const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
          const match = text.match(/invitations\/accept\?token=([A-Za-z0-9_\-.~%]+)/);
          if (match) return decodeURIComponent(match[1]);
          throw new Error(`no invitation link in mail:\n${text}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no mail to ${to}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
