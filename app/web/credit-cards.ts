import { signalItemKey } from '../../platform/store/credit-state.js';
import type { App } from '../compose.js';
import type { ReportAnswer } from '../http/queries.js';
import type { SafeHtml } from './html.js';
import type { Speaker } from './i18n.js';
import type { CheckView } from './pages/check.page.js';
import { ackControl, notesCard, overrideCard, stakeCard } from './pages/customer-cards.js';

/** The check page's credit cards for one answer: what is at stake on top; override and notes below; acknowledgements per signal. */
export async function creditCards(app: Pick<App, 'store'>, answer: ReportAnswer, s: Speaker, lang: string, canEdit: boolean): Promise<Pick<CheckView, 'topCards' | 'extraCards' | 'signalExtra'>> {
  const a = answer.assessment;
  if (answer.kind !== 'customer') return { topCards: [stakeCard({ s, lang, a, customerId: a.customerId, canEdit: false, overrides: [], notes: [] })] };
  const id = a.customerId;
  const onWatchlist = answer.customer !== undefined;
  const [overrides, notes, acks, signals] = await Promise.all([app.store.credit.overrideChanges(id), app.store.credit.notes(id), app.store.credit.acknowledgementsFor(id), app.store.signalsForCustomer(id)]);
  const view = { s, lang, a, customerId: id, canEdit, overrides, notes };
  // An assessment lists a signal by its type and link; the store knows its id (one event may have several reports).
  const ids = new Map<string, string[]>();
  for (const sig of signals) ids.set(`${sig.type}|${sig.url}`, [...(ids.get(`${sig.type}|${sig.url}`) ?? []), signalItemKey(sig.id)]);
  const ackMap = new Map(acks.map((x) => [x.itemKey, x]));
  const signalExtra = (sig: ReportAnswer['assessment']['signals'][number]): SafeHtml | '' => {
    const keys = ids.get(`${sig.type}|${sig.url}`);
    if (!keys) return '';
    const done = keys.map((k) => ackMap.get(k)).find((x) => x !== undefined);
    return ackControl({ s, lang, customerId: id, canEdit, acks: done ? new Map([[keys.join(','), done]]) : ackMap }, keys.join(','));
  };
  return {
    topCards: [stakeCard({ ...view, canEdit: canEdit && onWatchlist })],
    extraCards: [overrideCard(view), notesCard(view)],
    signalExtra,
  };
}
