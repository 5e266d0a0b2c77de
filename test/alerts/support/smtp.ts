import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface TestSmtp {
  url: string;
  port: number;
  mails: ParsedMail[];
  /** While down, every new connection is refused with a 421. */
  setDown(down: boolean): void;
  /** While holding, a message's DATA is read whole but never answered (the sender waits for the reply). */
  holdData(hold: boolean): void;
  /** Raw messages whose DATA was held, in arrival order. */
  held: string[];
  /** Delay before answering DATA (a slow server). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that parses what it receives. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const held: string[] = [];
  let down = false;
  let hold = false;
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, cb) {
      if (down) {
        const err = new Error('service not available') as Error & { responseCode: number };
        err.responseCode = 421;
        cb(err);
        return;
      }
      cb();
    },
    onData(stream, _session, cb) {
      if (hold) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
        stream.on('end', () => held.push(raw)); // and never a reply
        return;
      }
      simpleParser(stream)
        .then((m) => {
          mails.push(m);
          setTimeout(() => cb(), delayMs);
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    setDown: (d) => {
      down = d;
    },
    holdData: (h) => {
      hold = h;
    },
    held,
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
