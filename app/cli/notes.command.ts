import { addNote } from '../credit-actions.js';
import type { Command } from './command.js';
import { actor, customerCommandInput } from './customer-command.js';
import type { OptionSpecs } from './parse-options.js';

const ADD_OPTIONS = { by: { type: 'string', value: 'name', description: 'who writes the note (default: the operating-system user)' } } as const satisfies OptionSpecs;

export const notesAddCommand: Command = {
  name: 'notes add',
  summary: 'note what a customer told you (who and when are kept)',
  usage: 'bonitor notes add <customer id> "<text>" [--by <name>]',
  options: ADD_OPTIONS,
  async run(args, ctx) {
    const { app, id, words, values } = await customerCommandInput(ctx, ADD_OPTIONS, args, this.usage, { text: true });
    const note = await addNote(app, id, { text: words.join(' '), by: actor(values.by) });
    ctx.io.stdout.write(`note added to ${id} by ${note.by}\n`);
    return 0;
  },
};

const LIST_OPTIONS = { format: { type: 'string', default: 'text', value: 'text|json' } } as const satisfies OptionSpecs;

export const notesListCommand: Command = {
  name: 'notes list',
  summary: 'a customer\'s notes, newest first',
  usage: 'bonitor notes list <customer id> [--format text|json]',
  options: LIST_OPTIONS,
  async run(args, ctx) {
    const { app, id, values } = await customerCommandInput(ctx, LIST_OPTIONS, args, this.usage);
    const notes = await app.store.credit.notes(id);
    if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify(notes, null, 2)}\n`);
    else if (notes.length === 0) ctx.io.stdout.write(`no notes for ${id}\n`);
    else for (const n of notes) ctx.io.stdout.write(`${n.at}\t${n.by}\t${n.text.replace(/\s+/g, ' ')}\n`);
    return 0;
  },
};

export const NOTES_COMMANDS = [notesAddCommand, notesListCommand];
