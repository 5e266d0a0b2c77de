import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Mailer, OutgoingMail } from './types.js';

export interface MailerOptions {
  /** smtp(s)://user:pass@host:port; unset = write .eml files to outboxDir. */
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  /** Parallel SMTP connections. */
  maxConnections?: number;
  /** Connection / socket timeouts in ms (kept short so a dead server fails fast and is retried). */
  timeoutMs?: number;
}

/** The bare address of "Name <addr>" for the SMTP envelope. */
export function envelopeAddress(from: string): string {
  const parsed = addressparser(from, { flatten: true });
  return parsed[0]?.address || from;
}

export function createMailer(opts: MailerOptions): Mailer {
  return opts.smtpUrl ? createSmtpMailer(opts, opts.smtpUrl) : createFolderMailer(opts);
}

function createSmtpMailer(opts: MailerOptions, url: string): Mailer {
  const timeout = opts.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Infinity,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  });
  const sender = envelopeAddress(opts.from);
  return {
    kind: 'smtp',
    from: opts.from,
    async send(mail: OutgoingMail) {
      await transport.sendMail({ envelope: { from: sender, to: [mail.recipient] }, raw: mail.message });
    },
    async close() {
      transport.close();
    },
  };
}

/** File name of a key: the key is unique, so writing the same mail twice leaves one file. */
export function emlFileName(key: string): string {
  return `${key.replace(/[^A-Za-z0-9._-]+/g, '_')}.eml`;
}

function createFolderMailer(opts: MailerOptions): Mailer {
  let ready: Promise<unknown> | undefined;
  return {
    kind: 'outbox',
    from: opts.from,
    async send(mail: OutgoingMail) {
      ready ??= mkdir(opts.outboxDir, { recursive: true });
      await ready;
      const file = path.join(opts.outboxDir, emlFileName(mail.key));
      // Write then rename: a reader never sees half a message.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, mail.message);
      await rename(tmp, file);
    },
    async close() {},
  };
}
