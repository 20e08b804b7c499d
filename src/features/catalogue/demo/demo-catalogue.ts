import type { ServiceKind, ServiceUnit } from '../catalogue.codes.ts';

export interface DemoService {
  code: string;
  name: string;
  kind: ServiceKind;
  unit: ServiceUnit;
  needAreas: string[];
  siuss: string | null;
  rules: string;
}

/**
 * The catalogue of a Union in Emilia-Romagna. Codes follow the Nomenclatore's macro-areas (A access,
 * B inclusion, C home care, D support, E money, F day centres, G residences); they are examples.
 */
export const DEMO_SERVICES: DemoService[] = [
  { code: 'A1.01', name: 'Segretariato sociale (sportello sociale)', kind: 'information', unit: 'units', needAreas: ['MULBEN'], siuss: null, rules: 'Accesso libero negli orari di apertura dello sportello di ogni comune, anche su appuntamento telefonico.' },
  { code: 'A2.01', name: 'Servizio sociale professionale', kind: 'professional_support', unit: 'hours', needAreas: ['MULBEN'], siuss: null, rules: 'Su invio dello sportello sociale o segnalazione; primo colloquio entro 15 giorni.' },
  { code: 'B1.03', name: 'Mediazione culturale e sportello stranieri', kind: 'information', unit: 'hours', needAreas: ['IMMNOM'], siuss: null, rules: 'Su appuntamento; interpreti per arabo, urdu, romeno, cinese.' },
  { code: 'B2.01', name: 'Inserimenti lavorativi e tirocini di inclusione (L.R. 14/2015)', kind: 'professional_support', unit: 'units', needAreas: ['POV', 'DIS'], siuss: 'A2.09', rules: 'Persone in carico al servizio sociale con profilo di fragilità; équipe multiprofessionale.' },
  { code: 'C1.01', name: 'Assistenza domiciliare socio-assistenziale (SAD)', kind: 'home_care', unit: 'hours', needAreas: ['ELD', 'DIS'], siuss: 'A2.07', rules: 'Valutazione dell’assistente sociale; compartecipazione al costo in base all’ISEE.' },
  { code: 'C1.02', name: 'Educativa domiciliare per minori', kind: 'educational', unit: 'hours', needAreas: ['FAM'], siuss: 'A2.02', rules: 'Progetto educativo condiviso con la famiglia; su proposta dell’équipe minori.' },
  { code: 'C1.03', name: 'Assistenza educativa scolastica ad alunni con disabilità', kind: 'educational', unit: 'hours', needAreas: ['DIS', 'FAM'], siuss: 'A2.11', rules: 'Su certificazione ai sensi della L. 104/1992 e richiesta della scuola.' },
  { code: 'C3.01', name: 'Telesoccorso e teleassistenza', kind: 'home_care', unit: 'days', needAreas: ['ELD', 'DIS'], siuss: null, rules: 'Persone sole o fragili; gratuito sotto la soglia ISEE stabilita dall’Unione.' },
  { code: 'C4.01', name: 'Pasti a domicilio', kind: 'home_care', unit: 'meals', needAreas: ['ELD'], siuss: 'A2.01', rules: 'Consegna dal lunedì al sabato; tariffa per pasto in base all’ISEE.' },
  { code: 'D1.01', name: 'Trasporto sociale', kind: 'transport', unit: 'trips', needAreas: ['ELD', 'DIS'], siuss: null, rules: 'Per visite, terapie e centri diurni; prenotazione con 3 giorni di anticipo.' },
  { code: 'E1.01', name: 'Contributi economici a integrazione del reddito', kind: 'economic', unit: 'euros', needAreas: ['POV', 'FAM'], siuss: 'A1.04', rules: 'ISEE fino a 9.360 euro; progetto con impegni concordati; regolamento unico dell’Unione.' },
  { code: 'E1.02', name: 'Contributi per l’affitto e l’emergenza abitativa', kind: 'economic', unit: 'euros', needAreas: ['POV'], siuss: 'A1.05', rules: 'Su bando o per sfratto in corso; valutazione del servizio sociale.' },
  { code: 'E2.01', name: 'Assegno di cura per anziani non autosufficienti (FRNA)', kind: 'economic', unit: 'euros', needAreas: ['ELD'], siuss: 'A1.11', rules: 'Valutazione dell’Unità di valutazione geriatrica (UVG) e accordo con la famiglia.' },
  { code: 'F1.01', name: 'Centro diurno per anziani', kind: 'day_centre', unit: 'days', needAreas: ['ELD'], siuss: 'A3.01', rules: 'Accesso tramite UVG; retta giornaliera con compartecipazione ISEE.' },
  { code: 'F2.01', name: 'Centro socio-riabilitativo diurno per persone con disabilità', kind: 'semi_residential', unit: 'days', needAreas: ['DIS'], siuss: 'A3.01', rules: 'Su progetto dell’Unità di valutazione multidimensionale disabili.' },
  { code: 'G1.01', name: 'Casa residenza per anziani non autosufficienti (CRA)', kind: 'residential', unit: 'places', needAreas: ['ELD'], siuss: 'A3.02', rules: 'Graduatoria distrettuale dopo valutazione UVG; posti accreditati.' },
];

export const DEMO_PROVIDERS = [
  { key: 'ponte', name: 'Coop. Sociale Il Ponte', vatBase: '0312345012', kind: 'social_cooperative', email: 'info@ilponte.example.it', phone: '051 712 3344', address: 'Via Gramsci 12', town: 'Castel Maggiore' },
  { key: 'arcobaleno', name: 'Cooperativa Sociale Arcobaleno', vatBase: '0298765401', kind: 'social_cooperative', email: 'segreteria@arcobaleno.example.it', phone: '051 663 2100', address: 'Via Marconi 5', town: 'San Giorgio di Piano' },
  { key: 'volontari', name: 'Associazione Volontari del Reno ODV', vatBase: '9104455037', kind: 'association', email: 'volontari@reno.example.it', phone: '051 861 4420', address: 'Piazza Andrea Costa 3', town: 'Pieve di Cento' },
] as const;
export type DemoProviderKey = (typeof DEMO_PROVIDERS)[number]['key'];
