import { foldName } from '../text/fold.js';
import { capitalisedTerm, openerIsNotName, statuteDe } from './name-openers.js';
import { tokenize, type Token } from './mention-tokens.js';

/**
 * Organisations a sentence names or clearly refers to, found without a watchlist: the candidate
 * subjects and other parties of an event. Offsets are into the sentence as written.
 *
 * - `name`: a name with a legal form ("Rossi Costruzioni S.r.l.", "ACME WIDGETS LIMITED"), an
 *   acronym ("UBS"), a run of capitalised words outside German ("Thomas Cook"), a name in
 *   apposition to a company noun ("der Autozulieferer Leoni"), a headline topic ("Wirecard: …").
 * - `reference`: a definite description of a company ("die Firma", "the retailer", "la société",
 *   "l'azienda", "der Autozulieferer") — specific in news, though unnamed.
 * - `pronoun`: "it", "elle", "essa" as the subject of a clause; refers to the document's company.
 *
 * Linked customers (entity-linking spans) are added by the caller as `name` mentions.
 */
export type MentionKind = 'name' | 'reference' | 'pronoun';

export interface OrgMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** A watchlist customer, when the mention came from entity linking. */
  customerId?: string;
}

/** Legal forms as single folded tokens (dots removed); multi-token forms end in one of these. */
const LEGAL_FORM = new Set([
  'ag', 'gmbh', 'mbh', 'kg', 'kgaa', 'ohg', 'se', 'ug', 'sa', 'sarl', 'sagl', 'sas', 'sasu', 'eurl', 'snc', 'spa', 'srl', 'srls', 'sapa', 'scarl',
  'ltd', 'limited', 'plc', 'llp', 'llc', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'nv', 'bv', 'ab', 'asa', 'oyj', 'kft', 'genossenschaft',
  'cie', 'co', 'holding', 'gruppe', 'group', 'groupe', 'gruppo',
]);
/** Legal forms that are also ordinary words: only right after a capitalised name token. */
const WEAK_FORM = new Set(['co', 'holding', 'gruppe', 'group', 'groupe', 'gruppo', 'ab', 'se', 'sa', 'limited', 'corporation']);

/** Connectors inside names: "Procter & Gamble", "Banca di Roma", "Société de Gestion", "Müller und Söhne". */
const CONNECTOR = new Set(['&', 'und', 'and', 'et', 'de', 'di', 'du', 'des', 'del', 'della', 'von', 'van', 'der', 'of', 'e', 'y', 'la', 'le']);

/** Capitalised words that begin sentences or are not organisations. */
const NOT_NAME = new Set(
  [
    'der', 'die', 'das', 'den', 'dem', 'des', 'von', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'gegen', 'bei', 'mit', 'nach', 'vor', 'seit', 'auch', 'nun', 'jetzt',
    'im', 'am', 'an', 'auf', 'aus', 'fur', 'uber', 'unter', 'wie', 'wenn', 'weil', 'als', 'doch', 'so', 'es', 'er', 'sie', 'wir', 'ich', 'man', 'dass', 'damit', 'laut',
    'the', 'a', 'an', 'in', 'on', 'at', 'for', 'after', 'before', 'its', 'it', 'this', 'that', 'these', 'those', 'and', 'but', 'as', 'by', 'with', 'from', 'to', 'of',
    'when', 'while', 'if', 'since', 'following', 'according', 'shares', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'here',
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'd', 'au', 'aux', 'en', 'dans', 'pour', 'par', 'sur', 'avec', 'selon', 'apres', 'avant', 'depuis', 'contre', 'ce',
    'cette', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'lors', 'mais', 'et', 'ou', 'quand', 'si', 'lo', 'gli', 'i', 'uno', 'una', 'della', 'nel', 'nella', 'per', 'con',
    'dopo', 'prima', 'secondo', 'da', 'dal', 'dalla', 'tra', 'fra', 'questo', 'questa', 'anche', 'ma', 'se', 'quando', 'monday', 'tuesday', 'wednesday', 'thursday',
    'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'montag',
    'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'januar', 'februar', 'marz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'lundi',
    'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
    'novembre', 'decembre', 'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'dicembre', 'ceo', 'cfo',
    'high', 'court', 'justice', 'tribunal', 'tribunale', 'gericht', 'chapter', 'update', 'breaking', 'exclusive', 'news', 'uk', 'us', 'eu', 'usa', 'covid',
    // Frequent sentence openers: adverbs, conjunctions, question words, verbs, numbers (capitalised only because they open a sentence).
    'zudem', 'zusätzlich', 'dabei', 'daher', 'deshalb', 'danach', 'dann', 'derzeit', 'heute', 'gestern', 'morgen', 'inzwischen', 'mittlerweile', 'nachdem',
    'obwohl', 'während', 'trotz', 'wegen', 'bislang', 'bisher', 'erst', 'noch', 'schon', 'nur', 'aber', 'denn', 'oder', 'sondern', 'somit', 'also', 'allerdings',
    'jedoch', 'zwar', 'wann', 'warum', 'was', 'wer', 'wo', 'welche', 'welcher', 'welches', 'ist', 'sind', 'war', 'waren', 'wird', 'werden', 'wurde', 'wurden',
    'sollte', 'sollten', 'kann', 'können', 'muss', 'müssen', 'hat', 'haben', 'hatte', 'wäre', 'wären', 'sei', 'gibt', 'geht', 'bleibt', 'kommt', 'laut',
    'zum', 'zur', 'vom', 'beim', 'ab', 'bis', 'um', 'ohne', 'neben', 'seit', 'infolge', 'angesichts', 'hier', 'dort', 'so', 'insgesamt', 'rund', 'etwa',
    'recently', 'currently', 'meanwhile', 'however', 'moreover', 'furthermore', 'also', 'yet', 'still', 'now', 'today', 'yesterday', 'unfortunately', 'finally',
    'earlier', 'later', 'last', 'next', 'first', 'second', 'third', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'what', 'why',
    'how', 'who', 'which', 'where', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'has', 'have', 'had', 'do',
    'does', 'did', 'take', 'note', 'background', 'read', 'see', 'under', 'over', 'about', 'all', 'some', 'many', 'most', 'other', 'such', 'both', 'each', 'every',
    'no', 'not', 'only', 'even', 'just', 'while', 'because', 'although', 'though', 'despite', 'during', 'between', 'among', 'into', 'through', 'without', 'against',
    'cependant', 'toutefois', 'ainsi', 'alors', 'aujourd', 'hier', 'demain', 'désormais', 'depuis', 'déjà', 'encore', 'enfin', 'puis', 'donc', 'car', 'comme',
    'lorsque', 'pourquoi', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'que', 'quoi', 'où', 'est', 'sont', 'était', 'sera', 'seul', 'seule', 'tout',
    'toute', 'tous', 'toutes', 'chaque', 'plusieurs', 'certains', 'certaines', 'malgré', 'durant', 'pendant', 'entre', 'phase', 'alinéa', 'article', 'dès', 'après',
    'inoltre', 'tuttavia', 'quindi', 'allora', 'oggi', 'ieri', 'domani', 'ancora', 'già', 'poi', 'perché', 'come', 'quale', 'quali', 'chi', 'cosa', 'dove', 'è',
    'e', 'sono', 'era', 'sarà', 'hai', 'ha', 'hanno', 'può', 'possono', 'deve', 'data', 'dato', 'soltanto', 'solo', 'ogni', 'tutti', 'tutte', 'tutto', 'nonostante',
    // Function words that open sentences: the Italian and French clitic "ne" ("Ne abbiamo …"), the German "zunächst".
    'ne', 'zunachst',
    'cva', 'cvas', 'ipo', 'gdp', 'vat', 'paye', 'ccj', 'tfr', 'iva', 'mwst', 'inso', 'schkg', 'sgb', 'hgb', 'bgb', 'lp', 'or', 'nr', 'art', 'abs', 'ceo', 'cfo',
    'durante', 'venerdì', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'sabato', 'domenica', 'roma', 'milano',
    // The reader addressed ("Vous venez de découvrir que votre entreprise …", "Ihr Unternehmen"): never a company's name.
    'vous', 'votre', 'vos', 'your', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'voi', 'lei', 'tu', 'tuo', 'tua', 'vostro', 'vostra', 'nous', 'notre', 'nos', 'our', 'my',
    // Statutes cited by abbreviation ("R.D. 16 marzo 1942 n. 267", "D.Lgs. 50/2016") and prosecutors: never a debtor.
    'rd', 'dlgs', 'dl', 'dpr', 'lf', 'cc', 'cpc', 'ccii', 'pubblico', 'ministero', 'procura', 'parquet', 'staatsanwaltschaft', 'prosecutor', 'prosecutors',
  ].map((w) => foldName(w)),
);

/** Credit rating codes ("Baa1", "Prime-2", "B3-PD", "SGL-2", "RR2", "BB+"): a grade, never an organisation. */
const RATING_CODE = /^(?:Prime-[123]|P-[123]|(?:Aaa|Aa|A|Baa|Ba|B|Caa|Ca|C)[123]?(?:-PD)?|(?:AAA|AA|A|BBB|BB|B|CCC|CC|C|D)[+-]?|SGL-\d|RR\d)$/;

/** Lower-case genitive prepositions after a sentence's first word. */
const GENITIVE_AFTER_OPENER = /^(?:of|de|du|des|di|del|della|dello|dei|degli|delle)$/;

/** English words that open sentences as adverbs, gerunds or participles ("Recently", "Following", "Dallas-based"): never a name's first word. */
const OPENER_SHAPE = /(?:ly|ing|based|owned|listed|headquartered|born)$/;
/** French and Italian adverbs open sentences too ("Contrairement à …", "Ovviamente"): never a name's first word. */
const ADVERB_SHAPE = /[a-z]{3,}(?:ment|mente)$/;
/** A procedure noun opening a sentence before a lower-case word is its topic ("Administration also triggers …", "Liquidation is …"). */
const PROCEDURE_OPENER = /^(?:administration|liquidation|insolvency|bankruptcy|receivership|moratorium|restructuring|insolvenz|konkurs|faillite|redressement|sauvegarde|fallimento|concordato|liquidazione)$/;
/** The first person plural that opens Italian advice pages ("Vediamo", "Ricordiamo") and a French elided conjunction
 * written as one token with its next word ("Lorsqu’un", "Puisqu’il"): never a name's first word. */
const PLURAL_OPENER_IT = /[a-z]{2,}iamo$/;
const ELIDED_OPENER = /^(?:lorsqu|puisqu|quoiqu|jusqu|qu)['’]/i;
/** A verb in the conditional opens French and Italian sentences of reported speech ("Sarebbe stata respinta …",
 * "Aurait été placée …"): never a name's first word. */
const CONDITIONAL_OPENER: Record<string, RegExp> = { it: /^[a-z]{2,}(?:ebbe|ebbero)$/, fr: /^[a-z]{2,}(?:rait|raient)$/ };

/** Company nouns that make a definite description a reference ("die Firma", "the retailer"). */
const COMPANY_NOUN: Record<string, RegExp> = {
  de: /^(?:gmbh|ag|kg|firma|unternehmen|werk|fabrik|spital|klinik|hotel|restaurant|verein|stiftung|zeitung|sender|haus|konzern|gesellschaft|gruppe|holding|betrieb|aktiengesellschaft|genossenschaft|bank|airline|kette|tochter|tochterfirma|muttergesellschaft|marke|start-?up|traditionsfirma|traditionsunternehmen|familienunternehmen|schuldnerin|club|klub|traditionshaus|traditionsbetrieb)(?:s|es)?$|(?:hersteller|zulieferer|handler|konzern|firma|unternehmen|gesellschaft|gruppe|bank|airline|kette|betreiber|versicherer|produzent|anbieter|dienstleister|verlag|brauerei|werft|reederei|bauer|baufirma|bauunternehmen|druckerei|spedition|handelskette|warenhaus|warenhauskette|tochter|fabrikant|handelshaus|fluggesellschaft|modehaus|detailhandler|grosshandler|einzelhandler|immobilienfirma|entwickler|erei|haus|werk|fabrik|zulieferbetrieb|betrieb|laden|kette|handelsgruppe|bahn|buro)(?:s|es|en)?$/,
  en: /^(?:plc|company|firm|group|business|retailer|airline|carmaker|automaker|chain|lender|bank|manufacturer|maker|supplier|operator|builder|housebuilder|developer|insurer|producer|provider|brand|outlet|subsidiary|conglomerate|startup|start-up|store|stores|shop|giant|owner|brewer|publisher|shipbuilder|contractor|distributor|wholesaler|restaurant|hotel|club|debtor|respondent|partnership|franchise|utility|miner|telecom|carrier|studio|fund|platform|plc|exchange|foundation|charity|hospital|bakery|brewery|factory|plant|mill|retailer|grocer|supermarket|airport|port|operator|insurer)$|maker$/,
  fr: /^(?:sarl|sas|sa|societe|entreprise|groupe|firme|enseigne|fabricant|constructeur|compagnie|distributeur|fournisseur|equipementier|promoteur|banque|marque|filiale|chaine|maison|pme|start-up|startup|debitrice|debiteur|transporteur|exploitant|editeur|assureur|operateur|holding|sous-traitant|sous-traitante|prestataire|fondation|association|cooperative|usine|hopital|clinique|hotel|restaurant|boulangerie|atelier|garage|commerce|magasin|horloger|chantier|manufacture)$/,
  it: /^(?:spa|srl|societa|azienda|gruppo|impresa|ditta|produttore|compagnia|marchio|catena|costruttore|banca|controllata|fornitore|aziende|holding|startup|debitrice|debitore|editore|operatore|vettore|cooperativa|fabbrica|stabilimento|multinazionale|fondazione|ospedale|clinica|albergo|negozio|casa|cantiere|compagnia|officina|emittente)$/,
};
const DEFINITE: Record<string, RegExp> = {
  de: /^(?:der|die|das|des|dem|den|diese[rsmn]?|dieser|jene[rsmn]?|seine[rmns]?|ihre[rmns]?|dessen|deren)$/,
  en: /^(?:the|this|that|its|their|both)$/,
  fr: /^(?:le|la|l|les|cette|ce|cet|du|au|aux|sa|son|leur)$/,
  it: /^(?:il|la|l|lo|dell|della|del|dello|questa|questo|all|alla|al|dalla|dal|nella|nel|sulla|sul)$/,
};
/** Article fused with a preposition: not part of the reference's text ("della società" → "società"). */
const CONTRACTED = /^(?:del|della|dello|dell|all|alla|al|dalla|dal|nella|nel|sulla|sul|du|des|au|aux)$/;
/** Possessives and adjectives allowed between article and noun: "the Swiss retailer", "die angeschlagene Firma". */
const MAX_ADJECTIVES = 2;

const PRONOUN: Record<string, RegExp> = {
  de: /^(?:sie|es)$/,
  en: /^(?:it|they)$/,
  fr: /^(?:elle|il)$/,
  it: /^(?:essa|esso)$/,
};

// Tokens are folded like names (with the German transcriptions); the word lists are folded the same way.
for (const table of [COMPANY_NOUN, DEFINITE, PRONOUN]) for (const [k, re] of Object.entries(table)) table[k] = new RegExp(foldName(re.source), re.flags);

/** German common-noun endings: a capitalised word ending so is a noun, not a name ("Insolvenz", "Verwaltung"). */
const GERMAN_NOUN_END = /(?:ung|ungen|heit|keit|schaft|tion|tat|taten|ismus|nis|nisse|ium|iten|ment|mente|enz|anz|ik|ie|ien|ei|eien|tum|ling|chen|lein|ur|age|ade|ose|ent|enten|ant|anten|er|ern|en|el|eln|e)$/;
const GERMAN_NAME_CONTEXT = /^(?:bei|von|fur|mit|gegen|uber|an|zu|vom|beim|zur|zum|und|sowie|oder|wie|dass)$/;

export function findMentions(sentence: string, lang: string, tokens: Token[] = tokenize(sentence)): OrgMention[] {
  const out: OrgMention[] = [];
  const taken = new Uint8Array(tokens.length);
  const add = (from: number, to: number, kind: MentionKind) => {
    for (let k = from; k <= to; k++) taken[k] = 1;
    const start = tokens[from]!.start;
    const end = tokens[to]!.end;
    out.push({ start, end, text: sentence.slice(start, end), kind });
  };
  // 1. Names closed by a legal form, walking back over capitalised words and connectors.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!LEGAL_FORM.has(t.norm) || taken[i]) continue;
    if (WEAK_FORM.has(t.norm) && !(t.cap && tokens[i - 1]!.cap)) continue;
    let end = i;
    // "GmbH & Co. KG", "S.p.A." split into pieces: take following form tokens too.
    while (end + 1 < tokens.length && (LEGAL_FORM.has(tokens[end + 1]!.norm) || tokens[end + 1]!.raw === '&') && tokens[end + 1]!.start - tokens[end]!.end <= 1) end++;
    let from = i;
    for (let k = i - 1; k >= 0 && i - k <= 6; k--) {
      const p = tokens[k]!;
      if (taken[k]) break;
      if (LEGAL_FORM.has(p.norm) && (p.cap || p.upper)) {
        from = k;
        continue;
      }
      if (CONNECTOR.has(p.norm) && k > 0 && tokens[k - 1]!.cap && k < i - 1) {
        from = k;
        continue;
      }
      if (!(p.cap || /^\d/.test(p.raw)) || (NOT_NAME.has(p.norm) && !p.upper)) break;
      if (k === 0 && isSentenceStarter(p, lang)) break;
      from = k;
    }
    while (from < i && CONNECTOR.has(tokens[from]!.norm)) from++;
    if (from < i) add(from, end, 'name');
  }
  // 2. Headline topic "Wirecard: …" and names in apposition to a company noun.
  const colon = /^([^:]{2,60}):\s/.exec(sentence);
  if (colon) {
    const last = tokens.findIndex((t) => t.end > colon[1]!.length) - 1;
    const first = tokens.findIndex((t, k) => k <= last && !taken[k] && (t.cap || t.upper) && !NOT_NAME.has(t.norm));
    if (first >= 0 && last >= first && last - first < 5 && tokens.slice(first, last + 1).every((t) => t.cap || t.upper || CONNECTOR.has(t.norm))) add(first, last, 'name');
  }
  // 3. Acronyms and, outside German, runs of capitalised words.
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i]!;
    if (lang === 'de' && statuteDe(tokens, i)) continue;
    if (lang === 'en' && capitalisedTerm(tokens, i)) continue;
    if (t.upper && t.raw.length >= 2 && t.raw.length <= 6 && !NOT_NAME.has(t.norm)) {
      add(i, i, 'name');
      continue;
    }
    const nounAppositive = i > 0 && (COMPANY_NOUN[lang] ?? COMPANY_NOUN.en!).test(tokens[i - 1]!.norm);
    if (!t.cap || NOT_NAME.has(t.norm) || /^\d/.test(t.raw) || RATING_CODE.test(t.raw)) continue;
    // A name in quotes right after a company noun is one name, whatever its words ("die Bäckereikette «Lila Bäcker»",
    // "l'enseigne « La Halle »"): the quotes say where it ends.
    const quoted = nounAppositive ? quotedRun(sentence, tokens, i) : -1;
    if (quoted >= i) {
      add(i, quoted, 'name');
      i = quoted;
      continue;
    }
    if (lang === 'de' && hyphenedName(t)) {
      const cut = t.raw.indexOf('-');
      for (let k = i; k <= i; k++) taken[k] = 1;
      out.push({ start: t.start, end: t.start + cut, text: t.raw.slice(0, cut), kind: 'name' });
      continue;
    }
    if (lang === 'de' && !nounAppositive && !germanBareName(tokens, i)) continue;
    if (i === 0 && lang !== 'de' && (isSentenceStarter(t, lang) || OPENER_SHAPE.test(t.norm) || (lang !== 'en' && ADVERB_SHAPE.test(t.norm)) || (lang === 'it' && PLURAL_OPENER_IT.test(t.norm)) || CONDITIONAL_OPENER[lang]?.test(t.norm) || ELIDED_OPENER.test(t.raw))) continue;
    if (i === 0 && openerIsNotName(sentence, tokens, lang)) continue;
    if (i === 0 && PROCEDURE_OPENER.test(t.norm) && !tokens[1]?.cap) continue;
    // An elided article or pronoun ("C’est", "L’entreprise") is never a name.
    if (/['’]$/.test(t.raw)) continue;
    // A lone capitalised word opening the sentence before a lower-case genitive is a common noun heading a phrase
    // ("Admission of winding up petition:", "Liquidation de la société"), not a name ("Bank of America" is a run of capitals).
    if (i === 0 && lang !== 'de' && tokens[1] && GENITIVE_AFTER_OPENER.test(tokens[1].raw) && !tokens[2]?.cap) continue;
    if (lang !== 'de' && /-(?:based|owned|listed)$/.test(t.norm)) continue;
    let j = i;
    while (j + 1 < tokens.length && !taken[j + 1] && (tokens[j + 1]!.cap || (CONNECTOR.has(tokens[j + 1]!.norm) && tokens[j + 2]?.cap)) && !NOT_NAME.has(tokens[j + 1]!.norm)) j++;
    // German nouns are capitalised: a bare name continues only over words that do not end like nouns ("Red Hat").
    if (lang === 'de') {
      j = i;
      while (j + 1 < tokens.length && !taken[j + 1] && tokens[j + 1]!.cap && (!GERMAN_NOUN_END.test(tokens[j + 1]!.norm) || BUSINESS_WORD.test(tokens[j + 1]!.norm)) && !NOT_NAME.has(tokens[j + 1]!.norm)) j++;
    }
    add(i, j, 'name');
    i = j;
  }
  // 4. Definite descriptions and pronouns.
  const noun = COMPANY_NOUN[lang] ?? COMPANY_NOUN.en!;
  const definite = DEFINITE[lang] ?? DEFINITE.en!;
  const pronoun = PRONOUN[lang] ?? PRONOUN.en!;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i]!;
    // A German genitive before the noun is a determiner too ("Rene Benkos insolvente Gesellschaft").
    const genitive = lang === 'de' && t.cap && /[a-zäöü]s$/.test(t.raw) && i > 0 && tokens[i - 1]!.cap && !GERMAN_NOUN_END.test(t.norm.slice(0, -1));
    if (definite.test(t.norm) || genitive) {
      for (let k = i + 1; k <= i + 1 + MAX_ADJECTIVES && k < tokens.length; k++) {
        if (taken[k] || definite.test(tokens[k]!.norm) || CONNECTOR.has(tokens[k]!.norm)) break;
        // English plurals and possessives ("both clubs", "the firm's": the apostrophe is dropped by the norm).
        if (noun.test(tokens[k]!.norm) || (lang === 'en' && noun.test(tokens[k]!.norm.replace(/s$/, '')))) {
          // A company noun with its name right after it ("des Modehändlers Orsay", "der Bäckereikette «Lila Bäcker»",
          // "the retailer Quiz") describes the name: the name is the mention.
          const named = k + 1 < tokens.length ? appositiveName(out, sentence, tokens, k, lang) : -1;
          if (named >= 0) {
            const from = tokens[CONTRACTED.test(t.norm) ? i + 1 : i]!.start;
            out[named] = { ...out[named]!, start: from };
            for (let q = i; q <= k; q++) taken[q] = 1;
            i = k;
            break;
          }
          add(CONTRACTED.test(t.norm) ? i + 1 : i, k, 'reference');
          i = k;
          break;
        }
      }
    } else if (pronoun.test(t.norm) && (i === 0 || /[,;:]\s*$/.test(sentence.slice(tokens[i - 1]!.end, t.start + 1)) || i < 2)) {
      add(i, i, 'pronoun');
    } else if (lang === 'de' && i === 0 && headlineTradeNoun(tokens, noun)) {
      add(0, 0, 'reference');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A German headline or sentence that opens with a trade noun without an article, in the singular, before a
 * singular finite verb or a predicate of insolvency ("Bäckerei-Kette geht in die Insolvenz", "Großbäckerei
 * insolvent: …", "Modehändler meldet Insolvenz an"): news style for one specific company. A bare company word
 * ("Unternehmen müssen …") and a plural ("Bäckereien geraten …", whose verb ends in -en) describe a kind.
 */
function headlineTradeNoun(tokens: Token[], noun: RegExp): boolean {
  const t = tokens[0]!;
  const next = tokens[1];
  if (!next || next.cap || !t.cap || GERMAN_COMPANY_WORD.test(t.norm) || !noun.test(t.norm) || /(?:en|ern|eien)$/.test(t.norm)) return false;
  return /^(?:insolvent|pleite|zahlungsunfahig|bankrott|uberschuldet)$/.test(next.norm) || (/[^e]t$/.test(next.norm) && next.norm.length >= 3);
}

/**
 * The name mention that stands right after a company noun at token k, joined only by a space or an opening quote
 * ("des Modehändlers Orsay", "der Bäckereikette «Lila Bäcker»"); not one in a bracket ("dem Unternehmen (Vergleich)")
 * and, in German, not a lone capitalised word shaped like a common noun ("das Unternehmen Liquidität"). -1 when none.
 */
function appositiveName(out: OrgMention[], sentence: string, tokens: Token[], k: number, lang: string): number {
  const next = tokens[k + 1]!;
  const gap = sentence.slice(tokens[k]!.end, next.start);
  if (gap !== ' ' && !OPEN_QUOTE.test(gap)) return -1;
  const named = out.findIndex((m) => m.kind === 'name' && m.start === next.start);
  if (named < 0 || (lang === 'de' && !OPEN_QUOTE.test(gap) && out[named]!.end === next.end && GERMAN_NOUN_END.test(next.norm))) return -1;
  return named;
}

const OPEN_QUOTE = /[«„“"‹‚]\s?$/;
const CLOSE_QUOTE = /^\s?[»“”"›‘']/;

/** The last token of a quoted run of at most five tokens that starts at token i, or -1 when token i opens no quote. */
function quotedRun(sentence: string, tokens: Token[], i: number): number {
  if (!OPEN_QUOTE.test(sentence.slice(tokens[i - 1]!.end, tokens[i]!.start))) return -1;
  for (let j = i; j < tokens.length && j - i < 5; j++) {
    const after = sentence.slice(tokens[j]!.end, tokens[j + 1]?.start ?? sentence.length);
    if (CLOSE_QUOTE.test(after)) return j;
    if (after.trim() !== '' && !/^\s?[&-]\s?$/.test(after)) return -1;
  }
  return -1;
}

/** "Leoni-Konzern", "Swissair-Tochter", "Migros-Chef": the part before the hyphen names the company. */
function hyphenedName(t: Token): boolean {
  return /^[\p{Lu}][\p{L}\p{N}]+-(?:konzern|gruppe|tochter|chef|chefin|aktie|aktien|werk|filiale|filialen|pleite|konkurs|insolvenz|mutter|holding)$/iu.test(t.raw);
}

/**
 * A German capitalised word used without an article where a common noun would need one: at the
 * start of a sentence before a lower-case word ("Novartis erhöht …"), or after a preposition
 * ("bei Galeria"), and not ending like a common noun.
 */
function germanBareName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  // A bare company noun is a common noun ("die insolvente Firma", "das Unternehmen"), however it is placed.
  if (NOT_NAME.has(t.norm) || t.raw.length < 3 || GERMAN_COMPANY_WORD.test(t.norm)) return false;
  // A run that ends in an international business word is a name whatever its first word ("Weber Automotive").
  let j = i;
  while (j + 1 < tokens.length && j - i < 3 && tokens[j + 1]!.cap && !NOT_NAME.has(tokens[j + 1]!.norm)) j++;
  if (j > i && BUSINESS_WORD.test(tokens[j]!.norm)) return true;
  if (GERMAN_NOUN_END.test(t.norm)) return false;
  // At the start of a sentence, before a lower-case word, alone or with more capitalised words ("Galeria Karstadt Kaufhof ist").
  if (i === 0) return tokens[j + 1] !== undefined && !tokens[j + 1]!.cap;
  const prev = tokens[i - 1]!;
  // After a preposition ("bei Galeria") or a finite verb ("übernimmt Red Hat", "kauft Twitter", "meldete Esprit").
  return GERMAN_NAME_CONTEXT.test(prev.norm) || (!prev.cap && /(?:[^e]t|[^i]te)$/.test(prev.norm) && prev.norm.length > 3);
}

/** German nouns for a company as such (not compounds like "US-Investmentgruppe", which head an apposition). */
const GERMAN_COMPANY_WORD = /^(?:firma|firmen|unternehmen|gesellschaft|konzern|betrieb|gruppe|holding|kette|marke|tochter|tochterfirma|muttergesellschaft|schuldnerin)$/;

/** English words that close company names in German text too ("Weber Automotive", "Lilium Aviation"). */
const BUSINESS_WORD = /^(?:automotive|systems|technologies|technology|solutions|logistics|pharma|motors|airlines|airways|aviation|international|industries|electronics|energy|capital|partners|media|software|services|retail|foods|group|holding|bank|labs|networks|digital|mobility|robotics|semiconductors|therapeutics|touristik|reisen)$/;

function isSentenceStarter(t: Token, _lang: string): boolean {
  return NOT_NAME.has(t.norm);
}
