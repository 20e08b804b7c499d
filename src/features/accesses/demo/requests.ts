/** Realistic front-desk requests (Italian, as operators write them), by ISTAT area of need. */
export const REQUESTS: Record<string, readonly string[]> = {
  FAM: [
    'Chiede informazioni sul contributo per la retta del nido e sulle agevolazioni ISEE.',
    'Madre sola con due figli piccoli, chiede sostegno per la gestione dopo la separazione.',
    'Chiede come iscrivere il figlio al centro estivo comunale con riduzione della retta.',
    'Segnala difficoltà scolastiche e comportamentali del figlio, chiede un colloquio.',
    'Chiede informazioni sul bonus per le famiglie numerose e sull’assegno unico.',
    'Coppia in conflitto, chiede orientamento al centro per le famiglie per la mediazione.',
  ],
  DIS: [
    'Chiede informazioni sul trasporto per il centro diurno del figlio con disabilità.',
    'Chiede come presentare domanda di contributo per l’adattamento dell’abitazione.',
    'Familiare di persona con disabilità grave chiede ore di assistenza domiciliare.',
    'Chiede informazioni sul contrassegno per il parcheggio e sulle agevolazioni.',
    'Chiede orientamento per l’inserimento lavorativo di una persona con invalidità.',
  ],
  ADD: [
    'Familiare preoccupato per l’uso di alcol del congiunto, chiede a chi rivolgersi.',
    'Persona in uscita da percorso al SerDP chiede aiuto per casa e lavoro.',
    'Chiede informazioni sui gruppi di auto-aiuto per il gioco d’azzardo.',
  ],
  ELD: [
    'Figlia chiede assistenza domiciliare per la madre anziana che vive sola.',
    'Chiede informazioni sui pasti a domicilio e sulla teleassistenza.',
    'Anziano non più autosufficiente: la famiglia chiede valutazione per la casa residenza.',
    'Chiede come ottenere l’assegno di cura per il padre con demenza.',
    'Chiede il centro diurno per il marito con Alzheimer, la moglie è molto affaticata.',
    'Chiede informazioni sul trasporto sociale per visite mediche.',
  ],
  IMMNOM: [
    'Chiede informazioni sul rinnovo del permesso di soggiorno e sui corsi di italiano.',
    'Persona senza dimora chiede un posto letto per la notte e la residenza fittizia.',
    'Famiglia arrivata da poco chiede orientamento per scuola, medico e lavoro.',
    'Chiede aiuto per la domanda di ricongiungimento familiare.',
  ],
  POV: [
    'Sfratto per morosità in corso, chiede contributo affitto e orientamento all’emergenza abitativa.',
    'Ha perso il lavoro, chiede un contributo economico per le bollette arretrate.',
    'Chiede informazioni sull’assegno di inclusione e sui requisiti ISEE.',
    'Chiede accesso all’emporio solidale e ai pacchi alimentari.',
    'Chiede la domanda per la graduatoria delle case popolari (ERP).',
    'Reddito insufficiente dopo la malattia, chiede aiuto per la spesa e le utenze.',
  ],
  MULBEN: [
    'Richiesta complessa: problemi economici, abitativi e di salute nello stesso nucleo.',
    'Chiede un colloquio con l’assistente sociale per una situazione familiare difficile.',
    'Segnalazione del medico di base per una persona sola in difficoltà.',
  ],
};

export const ANONYMOUS_DESCRIPTIONS = [
  'Donna sui 40 anni, primo contatto telefonico, non ha voluto dare il nome.',
  'Uomo anziano accompagnato da una vicina, documenti non disponibili.',
  'Ragazzo giovane, chiede informazioni per un amico, nome non fornito.',
  'Signora straniera, primo accesso, tornerà con i documenti.',
  'Telefonata anonima di un familiare preoccupato.',
];

export const OUTCOME_NOTES: Record<string, readonly string[]> = {
  information: ['Consegnato materiale informativo.', 'Spiegati requisiti e scadenze.', ''],
  orientation: ['Fornito contatto e orari del servizio.', 'Inviata e-mail con le indicazioni.', ''],
  application_help: ['Compilata la domanda insieme alla persona.', 'Mancano documenti: fissato nuovo passaggio.', ''],
  desk_procedure: ['Pratica chiusa allo sportello.', 'Rilasciata attestazione.', ''],
  referral: ['Situazione da approfondire con l’assistente sociale.', 'Richiesto colloquio entro la settimana.', ''],
};
