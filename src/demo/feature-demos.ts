import type { Db } from '../platform/db/database.ts';
import { seedHouseholdDemo } from '../features/households/demo/household-demo.ts';
import { seedAccessesDemo } from '../features/accesses/demo/access-demo.ts';
import { catalogueDemo } from '../features/catalogue/demo/catalogue-demo.ts';
import { appointmentsDemo } from '../features/appointments/demo/appointments-demo.ts';
import { assessmentsDemo } from '../features/assessments/demo/assessments-demo.ts';
import { casesDemo } from '../features/cases/demo/cases-demo.ts';
import { caseDiaryDemo } from '../features/case-diary/demo/case-diary-demo.ts';
import { proceduresDemo } from '../features/procedures/demo/procedures-demo.ts';
import { caseDocumentsDemo } from '../features/case-documents/demo/case-documents-demo.ts';
import { caseLettersDemo } from '../features/case-letters/demo/case-letters-demo.ts';
import { carePlansDemo } from '../features/care-plans/demo/care-plans-demo.ts';
import { referralsDemo } from '../features/referrals/demo/referrals-demo.ts';
import { interventionsDemo } from '../features/interventions/demo/interventions-demo.ts';
import { contributionsDemo } from '../features/contributions/demo/contributions-demo.ts';

/** What the demo seed hands each feature's demo data: the Union, its users and the persons created. */
export interface DemoContext {
  /** ISTAT codes of the Union's municipalities. */
  unionCodes: string[];
  /** Castel Maggiore: where the demo team works. */
  homeMunicipalityCode: string;
  /** Demo user ids by username (sportello, assistente, assistente2, responsabile, …). */
  userIds: Record<string, string>;
  /** The generated persons, in generation order (deterministic for a given seed). */
  personIds: string[];
  seed: number;
  /** The instant the demo's story ends (now on Trama's clock unless the seed is given another). */
  now: Date;
  /** That instant's day in Italy (YYYY-MM-DD): the story is told backwards and forwards from it. */
  today: string;
}

export type FeatureDemo = (trx: Db, context: DemoContext) => Promise<void>;

/** Each feature's demo data, in the order it must be created (later ones may use earlier ones' rows). */
export const featureDemos: FeatureDemo[] = [seedHouseholdDemo, catalogueDemo, seedAccessesDemo, appointmentsDemo, casesDemo, caseDiaryDemo, caseDocumentsDemo, caseLettersDemo, assessmentsDemo, carePlansDemo, interventionsDemo, contributionsDemo, referralsDemo, proceduresDemo];
