import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

/** Sends one prepared mail; SMTP in production (a capturing sink in tests is just another SMTP server). */
export interface MailTransport {
  send(mail: Mail.Options): Promise<{ response: string }>;
  close(): void;
}

/** An SMTP error the relay answered with a 5xx code: trying again will not help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function smtpTransport(url: string): MailTransport {
  // A picture pasted into a formatted reply reaches the API as a data: address; it leaves as an inline part the HTML
  // refers to by Content-ID, which mail programs show (most block data: images).
  // Pooled: connections to the relay are kept and reused, as many as the outbound queue sends at once; a new
  // connection for every mail costs its handshake (about 25 ms a mail on loopback, against 1 ms pooled).
  const pooled = new URL(url);
  if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
  if (!pooled.searchParams.has('maxConnections')) pooled.searchParams.set('maxConnections', '4');
  const transporter: Transporter = nodemailer.createTransport(pooled.toString(), { attachDataUrls: true });
  return {
    send: async (mail) => {
      const info = await transporter.sendMail(mail);
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}
