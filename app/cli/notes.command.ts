import { parseArgs } from 'node:util';
import { addNote } from '../credit-actions.js';
import type { Command } from './command.js';
import { actor } from './override.command.js';

export const notesAddCommand: Command = {
  name: 'notes add',
  summary: 'note what a customer told you (who and when are kept)',
  usage: 'bonitor notes add <customer id> "<text>" [--by <name>]',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { by: { type: 'string' } } });
    } catch (err) {
      ctx.io.stderr.write(`${(err as Error).message}\nusage: ${this.usage}\n`);
      return 2;
    }
    const [id, ...words] = parsed.positionals;
    if (!id || words.length === 0) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const note = await addNote(await ctx.app(), id, { text: words.join(' '), by: actor(parsed.values.by) });
    ctx.io.stdout.write(`note added to ${id} by ${note.by}\n`);
    return 0;
  },
};

export const notesListCommand: Command = {
  name: 'notes list',
  summary: 'a customer\'s notes, newest first',
  usage: 'bonitor notes list <customer id> [--format text|json]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
    const id = positionals[0];
    if (!id) {
      ctx.io.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const notes = await (await ctx.app()).store.credit.notes(id);
    if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify(notes, null, 2)}\n`);
    else if (notes.length === 0) ctx.io.stdout.write(`no notes for ${id}\n`);
    else for (const n of notes) ctx.io.stdout.write(`${n.at}\t${n.by}\t${n.text.replace(/\s+/g, ' ')}\n`);
    return 0;
  },
};

export const NOTES_COMMANDS = [notesAddCommand, notesListCommand];
