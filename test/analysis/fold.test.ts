import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName, foldSearchKey, foldText, foldTextMapped } from '../../analysis/text/fold.js';
import { foldToken } from '../../analysis/linking/index.js';
import { classifyDocument } from '../../analysis/classify/index.js';
import { findCustomers } from '../../app/lookup.js';
import type { Customer } from '../../platform/schemas/customer.js';

describe('text folding (one module, language-aware)', () => {
  it('folds German transcriptions in German text only', () => {
    expect(foldText('Konkurseröffnung', 'de')).toBe('konkurseroffnung');
    expect(foldText('KONKURSEROEFFNUNG', 'de')).toBe('konkurseroffnung');
    expect(foldText('Oesterreichs Bauer', 'de')).toBe('osterreichs baur');
    // The folding bug: English "goes" and French "risque" must survive.
    expect(foldText('It goes into administration', 'en')).toBe('it goes into administration');
    expect(foldText('risque de faillite', 'fr')).toBe('risque de faillite');
    expect(foldText('Société Générale, coûts', 'fr')).toBe('societe generale, couts');
    expect(foldText('Straße – „Pleite“', 'de')).toBe('strasse - "pleite"');
  });

  it('folds character by character exactly as the whole-string fold did, on every development sentence and odd characters', () => {
    // The fold as one chain over the whole string (how it was written before the per-character cache).
    const reference = (text: string) => {
      const lower = text.toLowerCase();
      if (!/[^\x00-\x7f]/.test(lower)) return lower;
      return lower
        .replace(/ß/g, 'ss')
        .replace(/æ/g, 'ae')
        .replace(/œ/g, 'oe')
        .replace(/ø/g, 'o')
        .replace(/[’‘`´]/g, "'")
        .replace(/[«»“”„]/g, '"')
        .replace(/[\u2010-\u2015]/g, '-')
        .replace(/\u00a0/g, ' ')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
    };
    const texts = readFileSync(new URL('../../analysis/eval/corpus/events.dev.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    texts.push('Cafe\u0301 `quoted` — «Übernahme» 𝔘 ﬁ İstanbul Σίσυφος ŒUVRE', 'Cafe\u0301 — «Übernahme» 𝔘 ﬁ İstanbul Σίσυφος ŒUVRE', '`plain ascii`');
    for (const t of texts) {
      expect(foldText(t, 'en')).toBe(reference(t));
      // The mapped fold has always kept a backtick (it folds one character at a time, and "`" alone is ASCII).
      if (!t.includes('`')) expect(foldTextMapped(t, 'en').folded).toBe(reference(t));
    }
  });

  it('folds names the same way in every language, so Mueller meets Müller', () => {
    expect(foldName('Müller')).toBe(foldName('Mueller'));
    expect(foldName('Zürich')).toBe('zurich');
    expect(foldToken('Zuerich')).toBe('zurich');
    expect(foldToken('und')).toBe('&');
    expect(foldSearchKey('  Müller-Bau AG ')).toBe(foldSearchKey('Mueller Bau AG'));
  });

  it('maps folded offsets back to the original text', () => {
    const text = 'Die Größe der Müller AG: Konkurseröffnung.';
    const { folded, map } = foldTextMapped(text, 'de');
    expect(folded).toBe(foldText(text, 'de'));
    expect(map.length).toBe(folded.length + 1);
    const at = folded.indexOf('muller ag');
    expect(text.slice(map[at]!, map[at + 'muller ag'.length]!)).toBe('Müller AG');
    const k = folded.indexOf('konkurseroffnung');
    expect(text.slice(map[k]!, map[k + 'konkurseroffnung'.length]!)).toBe('Konkurseröffnung');
  });

  it('maps every development sentence exactly as the character-by-character mapped fold did (offsets included)', () => {
    // The mapped fold as it was written before it filled its offset table directly (one pushed number per character).
    const TRANSCRIPTION = /([a-z])ue|ae|oe/g;
    const reference = (text: string, lang: string) => {
      let out = '';
      const pos: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        const code = ch.charCodeAt(0);
        const f = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : foldText(ch);
        out += f;
        for (let k = 0; k < f.length; k++) pos.push(i);
      }
      pos.push(text.length);
      if (lang !== 'de') return { folded: out, map: pos };
      let folded = '';
      const map: number[] = [];
      let last = 0;
      for (const m of out.matchAll(TRANSCRIPTION)) {
        for (let k = last; k < m.index; k++) map.push(pos[k]!);
        folded += out.slice(last, m.index);
        const kept = m[1] === undefined ? m[0][0]! : `${m[1]}u`;
        folded += kept;
        for (let k = 0; k < kept.length; k++) map.push(pos[m.index + k]!);
        last = m.index + m[0].length;
      }
      folded += out.slice(last);
      for (let k = last; k <= out.length; k++) map.push(pos[k]!);
      return { folded, map };
    };
    const texts = readFileSync(new URL('../../analysis/eval/corpus/events.dev.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    texts.push('Die Größe der Müller AG: Konkurseröffnung.', 'MUELLER Bau AG – Oesterreich, Schuldnerin: Frau Blümel', 'plain ascii, no e at all', '');
    let german = 0;
    for (const t of texts) {
      for (const lang of ['de', 'en', 'fr']) {
        const { folded, map } = foldTextMapped(t, lang);
        const want = reference(t, lang);
        expect(folded).toBe(want.folded);
        expect([...map]).toEqual(want.map);
        if (lang === 'de' && folded.length < t.toLowerCase().length) german++;
      }
    }
    expect(german).toBeGreaterThan(50); // the German transcription path was exercised
  });

  it('lets an English administration trigger match that the old folding broke', () => {
    const c = classifyDocument({ text: 'Carillion Ltd goes into administration after talks with lenders collapsed.', lang: 'en' });
    expect(c.events.map((e) => e.type)).toContain('insolvency');
  });

  it('finds a customer by the transcribed spelling in the check search', () => {
    const customer: Customer = { id: 'c1', name: 'Müller Metallbau AG', aliases: [], registerIds: [], domains: [], country: 'CH', industry: '', tags: [] };
    expect(findCustomers([customer], 'Mueller Metallbau').map((c) => c.id)).toEqual(['c1']);
  });
});
