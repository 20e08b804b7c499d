/**
 * The demo territory: the Unione Reno Galliera (province of Bologna) inside the social-health District
 * Pianura Est, and Bologna's six quartieri as sub-municipal areas. ISTAT codes from comuni.json.
 */
export const RENO_GALLIERA = [
  'Argelato',
  'Bentivoglio',
  'Castel Maggiore',
  "Castello d'Argile",
  'Galliera',
  'Pieve di Cento',
  'San Giorgio di Piano',
  'San Pietro in Casale',
];

export const PIANURA_EST = [
  ...RENO_GALLIERA,
  'Baricella',
  'Budrio',
  'Castenaso',
  "Granarolo dell'Emilia",
  'Malalbergo',
  'Minerbio',
  'Molinella',
];

export const BOLOGNA_QUARTIERI = ['Borgo Panigale-Reno', 'Navile', 'Porto-Saragozza', 'San Donato-San Vitale', 'Santo Stefano', 'Savena'];

export const DEMO_PASSWORD = 'Trama-demo-2026';

export const DEMO_USERS = [
  { username: 'sportello', displayName: 'Giulia Ferri (sportello)', role: 'front_desk', territory: 'union' },
  { username: 'assistente', displayName: 'Marco Bianchi (assistente sociale)', role: 'social_worker', territory: 'union' },
  { username: 'assistente2', displayName: 'Sara Romano (assistente sociale)', role: 'social_worker', territory: 'union' },
  { username: 'responsabile', displayName: 'Laura Conti (responsabile)', role: 'service_manager', territory: 'union' },
  { username: 'amministrativo', displayName: 'Paolo Neri (amministrativo)', role: 'clerk', territory: 'union' },
  { username: 'fornitore', displayName: 'Coop. Sociale Il Ponte (fornitore)', role: 'provider', territory: 'union' },
  { username: 'assessore', displayName: 'Anna Galli (assessora)', role: 'official', territory: 'union' },
  { username: 'cittadino', displayName: 'Luca Rinaldi (cittadino)', role: 'citizen', territory: 'municipality' },
  { username: 'admin', displayName: 'Amministratore di sistema', role: 'admin', territory: 'district' },
] as const;
