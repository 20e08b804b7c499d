import { AppError, type Bilingual, type FieldIssue } from '../../platform/http/errors.ts';
import { CRITERION_QUESTION_TYPES } from './calls.codes.ts';
import type { CallRules } from './calls.schemas.ts';

/**
 * What publishing (or correcting) a call checks beyond the shape zod already checked on every save: the
 * dates, a points table and places or a budget, and that the parts of the rule set refer to each other
 * rightly. Every problem is named by its field, in Italian and English, all at once.
 */
export function publicationIssues(rules: CallRules, opensAt: string | null, closesAt: string | null, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: Bilingual) => issues.push({ path, message: message.it, messageEn: message.en });

  if (!opensAt) add('opensAt', { it: 'Indicare data e ora di apertura del bando.', en: 'Give the opening date and time of the call.' });
  if (!closesAt) add('closesAt', { it: 'Indicare data e ora di chiusura del bando.', en: 'Give the closing date and time of the call.' });
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
    add('closesAt', { it: 'La chiusura deve essere dopo l’apertura.', en: 'The closing must come after the opening.' });
  }
  if (closesAt && Date.parse(closesAt) <= now.getTime()) {
    add('closesAt', { it: 'La chiusura è già passata: indicare una data futura.', en: 'The closing is already past: give a future date.' });
  }
  const { age } = rules.eligibility;
  if (age && age.min !== null && age.max !== null && age.min > age.max) {
    add('rules.eligibility.age.max', { it: 'L’età massima è minore di quella minima.', en: 'The maximum age is below the minimum.' });
  }

  duplicates(rules.questions.map((q) => q.key), 'rules.questions', add);
  rules.questions.forEach((question, i) => {
    if (question.type === 'choice') {
      if (question.options.length < 2) add(`rules.questions.${String(i)}.options`, { it: 'Una domanda a scelta ha almeno due opzioni.', en: 'A choice question has at least two options.' });
      duplicates(question.options.map((o) => o.key), `rules.questions.${String(i)}.options`, add);
    } else if (question.options.length > 0) {
      add(`rules.questions.${String(i)}.options`, { it: 'Solo le domande a scelta hanno opzioni.', en: 'Only choice questions have options.' });
    }
  });

  if (rules.criteria.length === 0) add('rules.criteria', { it: 'La tabella dei punteggi ha almeno un criterio.', en: 'The points table needs at least one criterion.' });
  duplicates(rules.criteria.map((c) => c.key), 'rules.criteria', add);
  const questions = new Map(rules.questions.map((q) => [q.key, q]));
  rules.criteria.forEach((criterion, i) => {
    const at = `rules.criteria.${String(i)}`;
    const question = questions.get(criterion.question);
    if (!question) {
      add(`${at}.question`, { it: `Il criterio "${criterion.key}" usa la domanda "${criterion.question}", che non c’è nel modulo.`, en: `Criterion "${criterion.key}" uses question "${criterion.question}", which is not in the form.` });
      return;
    }
    const allowed = CRITERION_QUESTION_TYPES[criterion.kind];
    if (!allowed.includes(question.type)) {
      add(`${at}.question`, {
        it: `Il criterio "${criterion.key}" (${criterion.kind}) non può leggere una domanda di tipo ${question.type}: tipi ammessi ${allowed.join(', ')}.`,
        en: `Criterion "${criterion.key}" (${criterion.kind}) cannot read a ${question.type} question: allowed types ${allowed.join(', ')}.`,
      });
    }
    if (criterion.kind === 'flag') {
      if (question.type === 'choice' && !question.options.some((o) => o.key === criterion.option)) {
        add(`${at}.option`, { it: 'Indicare quale opzione della domanda dà i punti.', en: 'Name which option of the question gives the points.' });
      } else if (question.type !== 'choice' && criterion.option !== null) {
        add(`${at}.option`, { it: 'Solo una domanda a scelta ha opzioni.', en: 'Only a choice question has options.' });
      }
    }
    if (criterion.kind === 'band') {
      criterion.bands.forEach((band, b) => {
        if (band.from !== null && band.to !== null && band.from >= band.to) {
          add(`${at}.bands.${String(b)}.to`, { it: 'Ogni fascia va da un valore a uno maggiore.', en: 'Each band goes from a value to a greater one.' });
        }
      });
    }
  });

  const criteria = new Set(rules.criteria.map((c) => c.key));
  duplicates(rules.tieBreakers.map((t) => `${t.by}:${t.criterion ?? ''}`), 'rules.tieBreakers', add);
  rules.tieBreakers.forEach((tie, i) => {
    const at = `rules.tieBreakers.${String(i)}.criterion`;
    if (tie.by === 'higher_criterion' && !(tie.criterion && criteria.has(tie.criterion))) {
      add(at, { it: 'Indicare un criterio della tabella dei punteggi.', en: 'Name a criterion of the points table.' });
    } else if (tie.by !== 'higher_criterion' && tie.criterion !== null) {
      add(at, { it: 'Solo "punteggio più alto in un criterio" indica un criterio.', en: 'Only "higher score in a criterion" names a criterion.' });
    }
  });
  duplicates(rules.requiredDocuments.map((d) => d.key), 'rules.requiredDocuments', add);

  if (!rules.allocation) {
    add('rules.allocation', { it: 'Indicare i posti per sede e gruppo, oppure il budget con gli importi per fascia.', en: 'Give the places per site and group, or the budget with the amounts by band.' });
  } else if (rules.allocation.kind === 'places') {
    duplicates(rules.allocation.places.map((p) => `${p.site}\u0000${p.group}`), 'rules.allocation.places', add);
  } else {
    const bands = rules.allocation.bands;
    bands.forEach((band, i) => {
      const previous = bands[i - 1];
      const last = i === bands.length - 1;
      if ((band.iseeUpToCents === null && !last) || (previous && (previous.iseeUpToCents ?? Infinity) >= (band.iseeUpToCents ?? Infinity))) {
        add(`rules.allocation.bands.${String(i)}.iseeUpToCents`, { it: 'Le fasce ISEE vanno in ordine crescente; solo l’ultima può essere senza tetto.', en: 'ISEE bands go in increasing order; only the last may have no ceiling.' });
      }
    });
  }
  return issues;
}

function duplicates(keys: string[], path: string, add: (path: string, message: Bilingual) => void): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) add(`${path}.${String(i)}`, { it: 'Voce ripetuta: ogni chiave compare una volta sola.', en: 'Repeated entry: each key appears once.' });
    seen.add(key);
  });
}

/** Refuses publication with a 400 listing every problem. */
export function assertPublishable(rules: CallRules, opensAt: string | null, closesAt: string | null, now: Date): void {
  const details = publicationIssues(rules, opensAt, closesAt, now);
  if (details.length > 0) {
    throw new AppError('VALIDATION', { message: { it: 'Il bando non si può pubblicare: correggere i campi indicati.', en: 'The call cannot be published: fix the fields shown.' }, details });
  }
}
