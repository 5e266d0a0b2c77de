import type { Command } from './command.js';
import { checkCommand } from './check.command.js';
import { ledgerImportCommand } from './ledger.command.js';
import { runCommand, startCommand } from './start.command.js';
import { watchlistImportCommand } from './watchlist.command.js';
import { configCommand } from './config.command.js';
import { classifyCommand } from './classify.command.js';
import { linkCommand } from './link.command.js';
import { ledgerScoreCommand } from './ledger-score.command.js';
import { trainCommand } from './train.command.js';
import { backtestCommand } from './backtest.command.js';
import { digestRunCommand } from './digest.command.js';
import { SUBSCRIPTION_COMMANDS } from './subscriptions.command.js';
import { sourcesCommand } from './sources.command.js';
import { sourcesCatalogCommand } from './sources-catalog.command.js';
import { feedParseCommand } from './feed.command.js';
import { demoRemoveCommand } from './demo.command.js';
import { OVERRIDE_COMMANDS } from './override.command.js';
import { NOTES_COMMANDS } from './notes.command.js';

/** Every `bonitor` command; multi-word names ("ledger import") match the first words of argv. */
export const COMMANDS: Command[] = [
  startCommand,
  runCommand,
  checkCommand,
  ledgerImportCommand,
  ledgerScoreCommand,
  watchlistImportCommand,
  classifyCommand,
  linkCommand,
  trainCommand,
  backtestCommand,
  digestRunCommand,
  ...SUBSCRIPTION_COMMANDS,
  ...OVERRIDE_COMMANDS,
  ...NOTES_COMMANDS,
  sourcesCommand,
  sourcesCatalogCommand,
  feedParseCommand,
  configCommand,
  demoRemoveCommand,
];
