import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import nodemailer from 'nodemailer';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { replyCode, smtpConversation } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, ticketOfMail } from './mail-kit.js';

// The optional parts of the listener: STARTTLS with the operator's certificate,
// and SMTP AUTH for senders that insist on it (offered, never required).

jest.setTimeout(60_000);

describe('SMTP listener with STARTTLS and AUTH', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'okienko-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=mx.rowerownia.pl'], {
      stdio: 'ignore',
    });
    product = await startProduct({ SMTP_TLS_CERT: cert, SMTP_TLS_KEY: key, SMTP_AUTH_USER: 'forwarder', SMTP_AUTH_PASSWORD: 'Forwarder-secret-1' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', autoAcknowledge: false });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers STARTTLS and AUTH in its EHLO answer', async () => {
    const [, ehlo] = await smtpConversation(product.smtpPort!, ['EHLO mx.google.example', 'QUIT']);
    const offered = ehlo.split('\n').map((line) => line.slice(4).trim().toUpperCase());
    expect(offered).toEqual(expect.arrayContaining(['STARTTLS', expect.stringMatching(/^AUTH /)]));
  });

  it('takes mail over an encrypted, authenticated session', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: product.smtpPort!,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'forwarder', pass: 'Forwarder-secret-1' },
    });
    const info = await transport.sendMail({ from: 'Jan Kowalski <jan@example.pl>', to: BIURO, subject: 'Szyfrowana przesyłka', text: 'Dzień dobry' });
    transport.close();
    expect(replyCode(info.response)).toBe(250);
    expect((await ticketOfMail(admin, info.messageId.replace(/^<|>$/g, ''))).subject).toBe('Szyfrowana przesyłka');
  });

  it('refuses wrong credentials with 535 but still takes mail from senders that do not authenticate', async () => {
    const bad = nodemailer.createTransport({
      host: '127.0.0.1',
      port: product.smtpPort!,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'forwarder', pass: 'wrong' },
    });
    await expect(bad.sendMail({ from: 'x@example.pl', to: BIURO, subject: 's', text: 't' })).rejects.toMatchObject({ responseCode: 535 });
    bad.close();

    const plain = nodemailer.createTransport({ host: '127.0.0.1', port: product.smtpPort!, ignoreTLS: true });
    const info = await plain.sendMail({ from: 'Ewa <ewa@example.pl>', to: BIURO, subject: 'Bez logowania', text: 'Dzień dobry' });
    plain.close();
    expect(replyCode(info.response)).toBe(250);
  });
});
