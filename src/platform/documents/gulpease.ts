/**
 * The Gulpease readability index of Italian text (Lucisano & Piemontese, 1988):
 *
 *   G = 89 + (300 × sentences − 10 × letters) / words, clamped to 0–100.
 *
 * How this module counts (the index is only comparable between texts counted the same way):
 * - The text is first normalised to NFC, so "è" typed as "e" + combining accent is one letter.
 * - **Words** are runs of letters and digits: `l'assistente` is two words ("l", "assistente"), as the
 *   elided article is read as a word; `socio-sanitario` is two words; `po'` is one. A number is one
 *   word, its thousands and decimal separators included (`1.234,56`, `30,5`), and `A4` is one word.
 * - **Letters** are the letters and digits of the words (accented letters count once; apostrophes,
 *   hyphens, separators and punctuation do not count).
 * - **Sentences** end at `?`, `!` and at a full stop or ellipsis followed by a space and then not by a
 *   lower-case letter or a digit; a blank line (a new paragraph) also ends a sentence, and the text's
 *   last words form a sentence even without a final stop. A full stop is not an end after a known
 *   abbreviation (`sig.`, `dott.ssa`, `art.`, `n.`, `ecc.`, `D.Lgs.` …), after a single capital letter
 *   (`L. 241/1990`, an initial like `M. Rossi`) or inside a word or number (`www.comune.it`, `1.234`).
 *   Colons and semicolons do not end a sentence.
 * A text with no words has no index (null).
 */

export type GulpeaseBand = 'easy' | 'fairly_easy' | 'hard' | 'very_hard';

export interface SentenceStats {
  text: string;
  words: number;
  letters: number;
}

export interface Readability {
  /** 0–100 rounded to one decimal; null when the text has no words. */
  index: number | null;
  band: GulpeaseBand | null;
  /** True when the index is under 60: hard for readers with a lower-secondary education. */
  warning: boolean;
  counts: { sentences: number; words: number; letters: number };
  /** Up to three sentences with the most words, longest first: the ones to simplify first. */
  longestSentences: SentenceStats[];
}

export const WARNING_THRESHOLD = 60;

const ABBREVIATIONS = new Set([
  'sig', 'sigg', 'sig.ra', 'sig.na', 'dott', 'dott.ssa', 'dr', 'avv', 'ing', 'prof', 'prof.ssa', 'geom', 'rag', 'arch',
  'egr', 'gent', 'gent.mo', 'gent.ma', 'spett', 'on', 'art', 'artt', 'co', 'n', 'nn', 'num', 'pag', 'pagg', 'pp', 'p',
  'ecc', 'es', 'p.es', 'cfr', 'tel', 'cell', 'fax', 'c.a', 'ca', 'd.lgs', 'dlgs', 'd.l', 'd.p.r', 'dpr', 'd.m', 'l.r',
  's.m.i', 'ss.mm.ii', 's.p.a', 's.r.l', 'gg', 'rif', 'prot', 'cod', 'fisc', 'c.f', 'n.b', 'all', 'lett', 'cap', 'sez',
  'vs', 'succ', 'mod', 'etc', 'min', 'max', 'ss', 'c.so', 'v.le', 'p.za', 'fraz', 'loc', 'e.g', 'i.e',
]);

export const isAbbreviation = (token: string): boolean => ABBREVIATIONS.has(token.toLowerCase());

const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*/gu;
const LETTER = /[\p{L}\p{N}]/gu;
const TERMINATOR_RUN = /[.!?…]+/gu;
const CLOSERS = /^[)\]»"'’”]*/u;

function countLetters(word: string): number {
  return word.match(LETTER)?.length ?? 0;
}

/** Whether the run of terminators at [start, end) of the paragraph closes a sentence. */
function endsSentence(paragraph: string, start: number, end: number): boolean {
  const run = paragraph.slice(start, end);
  const afterClosers = end + (CLOSERS.exec(paragraph.slice(end))?.[0].length ?? 0);
  if (afterClosers >= paragraph.length) return true;
  const rest = paragraph.slice(afterClosers);
  if (!/^\s/u.test(rest)) return false;
  if (/[!?]/u.test(run)) return true;
  const next = rest.trimStart().charAt(0);
  if (next === '') return true;
  if (/[\p{Ll}\p{N}]/u.test(next)) return false;
  if (run !== '.') return true;
  const token = (/[\p{L}.]+$/u.exec(paragraph.slice(0, start))?.[0] ?? '').replace(/^\.+/u, '');
  if (isAbbreviation(token)) return false;
  if (/^\p{Lu}$/u.test(token)) return false;
  return true;
}

/** The sentences of a text, each with its words and letters (sentences with no words are dropped). */
export function splitSentences(text: string): SentenceStats[] {
  const sentences: SentenceStats[] = [];
  const push = (raw: string) => {
    const words = raw.match(WORD) ?? [];
    if (words.length === 0) return;
    sentences.push({
      text: raw.replace(/\s+/gu, ' ').trim(),
      words: words.length,
      letters: words.reduce((sum, word) => sum + countLetters(word), 0),
    });
  };
  for (const paragraph of text.normalize('NFC').split(/\n[ \t\r]*\n/u)) {
    let from = 0;
    for (const match of paragraph.matchAll(TERMINATOR_RUN)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!endsSentence(paragraph, start, end)) continue;
      push(paragraph.slice(from, end));
      from = end;
    }
    push(paragraph.slice(from));
  }
  return sentences;
}

export function gulpeaseBand(index: number): GulpeaseBand {
  if (index >= 80) return 'easy';
  if (index >= 60) return 'fairly_easy';
  if (index >= 40) return 'hard';
  return 'very_hard';
}

/** The raw formula, clamped to 0–100 (null with no words). */
export function gulpeaseIndex(counts: { sentences: number; words: number; letters: number }): number | null {
  if (counts.words === 0) return null;
  const raw = 89 + (300 * counts.sentences - 10 * counts.letters) / counts.words;
  return Math.min(100, Math.max(0, raw));
}

export function readability(text: string): Readability {
  const sentences = splitSentences(text);
  const counts = {
    sentences: sentences.length,
    words: sentences.reduce((sum, s) => sum + s.words, 0),
    letters: sentences.reduce((sum, s) => sum + s.letters, 0),
  };
  const raw = gulpeaseIndex(counts);
  const index = raw === null ? null : Math.round(raw * 10) / 10;
  const longestSentences = [...sentences]
    .sort((a, b) => b.words - a.words)
    .slice(0, 3)
    .map((s) => ({ ...s, text: s.text.length > 400 ? `${s.text.slice(0, 399)}…` : s.text }));
  return {
    index,
    band: index === null ? null : gulpeaseBand(index),
    warning: index !== null && index < WARNING_THRESHOLD,
    counts,
    longestSentences,
  };
}
