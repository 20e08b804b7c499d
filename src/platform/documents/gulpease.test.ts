import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gulpeaseBand, gulpeaseIndex, isAbbreviation, readability, splitSentences } from './gulpease.ts';

const BUREAUCRATIC =
  'Con riferimento alla Sua istanza, si comunica che, ai sensi della normativa vigente in materia di procedimento ' +
  'amministrativo, l’Amministrazione provvederà all’adozione del provvedimento conclusivo subordinatamente alla ' +
  'acquisizione della documentazione integrativa, la cui mancata presentazione comporterà l’archiviazione della pratica.';
const PLAIN =
  'Abbiamo ricevuto la sua domanda. Per decidere ci servono altri documenti. Li porti in ufficio entro trenta giorni. ' +
  'Se non li porta, la domanda sarà chiusa.';

describe('Gulpease counting', () => {
  it('counts a short sentence by hand: 3 words, 12 letters, 1 sentence, clamped to 100', () => {
    const r = readability('Il gatto dorme.');
    expect(r.counts).toEqual({ sentences: 1, words: 3, letters: 12 });
    expect(gulpeaseIndex(r.counts)).toBe(100);
    expect(r.band).toBe('easy');
  });

  it('splits the elided article "l\'" into its own word and counts accented letters once', () => {
    expect(readability("L'assistente è qui.").counts).toEqual({ sentences: 1, words: 4, letters: 1 + 10 + 1 + 3 });
    expect(readability('L’assistente è qui.').counts.words).toBe(4);
    // "è" typed as e + combining grave accent (NFD) is still one letter.
    expect(readability('Perche\u0300 no?').counts).toEqual(readability('Perché no?').counts);
  });

  it('reads numbers as one word each and does not end a sentence inside them or after abbreviations', () => {
    const text = 'Il contributo è di 1.234,56 euro secondo la L. 241/1990 e il D.Lgs. 33/2013, art. 5. Il sig. Rossi firma.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Il contributo è di 1.234,56 euro secondo la L. 241/1990 e il D.Lgs. 33/2013, art. 5.',
      'Il sig. Rossi firma.',
    ]);
    // 1.234,56 is one word of six letters (digits count as letters, separators do not)
    expect(readability('Sono 1.234,56 euro.').counts).toEqual({ sentences: 1, words: 3, letters: 4 + 6 + 4 });
  });

  it('ends sentences at ? ! and blank lines, not at colons, web addresses or before lower case', () => {
    expect(splitSentences('Viene? Sì! Bene: a domani.').length).toBe(3);
    expect(splitSentences('Oggetto: convocazione\n\nGentile signora').length).toBe(2);
    expect(splitSentences('Veda www.comune.castel-maggiore.bo.it per gli orari.').length).toBe(1);
    expect(splitSentences('Porti documenti, certificati ecc. e la tessera sanitaria.').length).toBe(1);
    expect(splitSentences('Parole senza punto finale').length).toBe(1);
  });

  it('computes a known index: the formula on hand-counted values', () => {
    // 2 sentences, 8 words, 37 letters: 89 + (600 − 370) / 8 = 117.75, clamped to 100.
    expect(readability('La domanda è arrivata. Ora serve un documento.')).toMatchObject({
      index: 100,
      counts: { sentences: 2, words: 8, letters: 37 },
    });
    // 1 sentence, 17 words ("all'" is one), 97 letters: 89 + (300 − 970) / 17 = 49.59 → 49.6, hard.
    const text = "La domanda di contributo economico deve essere presentata all'ufficio dei servizi sociali del comune di residenza.";
    expect(readability(text)).toMatchObject({ index: 49.6, band: 'hard', warning: true, counts: { sentences: 1, words: 17, letters: 97 } });
  });

  it('rates the bureaucratic letter very hard and its plain rewrite easy, with a warning only on the first', () => {
    const hard = readability(BUREAUCRATIC);
    const easy = readability(PLAIN);
    expect(hard.index).toBeLessThan(40);
    expect(hard.band).toBe('very_hard');
    expect(hard.warning).toBe(true);
    expect(easy.index).toBeGreaterThanOrEqual(60);
    expect(easy.warning).toBe(false);
    expect(hard.longestSentences[0]?.words).toBe(hard.counts.words);
    expect(easy.longestSentences.map((s) => s.words)).toEqual([...easy.longestSentences.map((s) => s.words)].sort((a, b) => b - a));
  });

  it('gives no index to a text with no words', () => {
    expect(readability(' … ! ')).toMatchObject({ index: null, band: null, warning: false, counts: { words: 0 } });
  });

  it('places the band boundaries as documented', () => {
    expect([100, 80, 79.9, 60, 59.9, 40, 39.9, 0].map(gulpeaseBand)).toEqual([
      'easy', 'easy', 'fairly_easy', 'fairly_easy', 'hard', 'hard', 'very_hard', 'very_hard',
    ]);
  });
});

// Generated words are never an abbreviation, and a sentence opens with two letters or more (a lone capital
// before a full stop reads as an initial, as documented).
const word = fc.stringMatching(/^[a-zàèéìòù]{1,14}$/).filter((w) => !isAbbreviation(w));
const sentence = fc.tuple(word.filter((w) => w.length > 1), fc.array(word, { maxLength: 29 })).map(([first, rest]) => {
  const text = [first, ...rest].join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
});
const text = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join(' '));

describe('Gulpease invariants', () => {
  it('the index is always within 0–100 and agrees with its band and warning', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = readability(s);
        if (r.index === null) return r.counts.words === 0;
        return r.index >= 0 && r.index <= 100 && r.band === gulpeaseBand(r.index) && r.warning === r.index < 60;
      }),
    );
  });

  it('counts every generated sentence and every letter', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (ss) => {
        const r = readability(ss.join(' '));
        const letters = ss.join('').replace(/[^a-zàèéìòù]/giu, '').length;
        return r.counts.sentences === ss.length && r.counts.letters === letters;
      }),
    );
  });

  it('a text repeated as a second paragraph keeps its index', () => {
    fc.assert(fc.property(text, (t) => readability(`${t}\n\n${t}`).index === readability(t).index));
  });

  it('splitting a sentence in two never makes the text harder', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 30 }), fc.nat(), (ws, at) => {
        const cut = 1 + (at % (ws.length - 1));
        const one = `${ws.join(' ')}.`;
        const two = `${ws.slice(0, cut).join(' ')}. ${ws.slice(cut).join(' ').replace(/^./u, (c) => c.toUpperCase())}.`;
        return (readability(two).index ?? 0) >= (readability(one).index ?? 0);
      }),
    );
  });

  it('the same text typed with decomposed accents (NFD) gives the same result', () => {
    fc.assert(fc.property(text, (t) => JSON.stringify(readability(t.normalize('NFD'))) === JSON.stringify(readability(t))));
  });
});
