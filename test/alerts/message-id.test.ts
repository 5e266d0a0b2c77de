import { afterAll, describe, expect, it } from 'vitest';
import { composeMessage } from '../../alerts/compose-message.js';
import { openApp } from '../../app/compose.js';
import { installationId } from '../../app/roles/alerter.role.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

const dirs = [tempDir('bonitor-inst-a-'), tempDir('bonitor-inst-b-')];
afterAll(() => dirs.forEach((d) => d.cleanup()));

const messageIdOf = (raw: string) => /^Message-ID: (<[^>]+>)$/m.exec(raw)![1]!;
const mail = (installation: string, date = new Date('2026-11-20T07:00:00Z')) =>
  composeMessage({
    key: 'digest:anna:daily:2026-11-20',
    installationId: installation,
    from: 'Bonitor <credit@firma.example>',
    to: { name: 'Anna', address: 'anna@firma.example' },
    mail: { subject: 'Digest', text: 'text', html: '<p>html</p>' },
    date,
  });

describe('Message-ID', () => {
  it('is stable for one mail, differs between installations, and sits on the sender domain', () => {
    const a = messageIdOf(mail('3f1c0a9e'));
    expect(messageIdOf(mail('3f1c0a9e', new Date('2026-11-21T07:00:00Z')))).toBe(a);
    const b = messageIdOf(mail('77aa0b12'));
    expect(b).not.toBe(a);
    expect(a).toMatch(/^<[0-9a-f]+\.3f1c0a9e@firma\.example>$/);
    // Header injection through the installation id is impossible.
    expect(messageIdOf(mail('x\r\nBcc: evil@example.org'))).toMatch(/^<[0-9a-f]+\.xBccevilexampleorg@firma\.example>$/);
  });

  it('takes the installation id made once per data directory', async () => {
    const open = async (dir: string) => openApp(loadConfig({ env: { BONITOR_DATA_DIR: dir, BONITOR_DEMO: 'false' } }).config, silentLogger);
    const first = await open(dirs[0]!.dir);
    const id = await installationId(first);
    await first.close();
    const again = await open(dirs[0]!.dir);
    expect(await installationId(again)).toBe(id);
    await again.close();
    const other = await open(dirs[1]!.dir);
    const otherId = await installationId(other);
    await other.close();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(otherId).not.toBe(id);
  });
});
