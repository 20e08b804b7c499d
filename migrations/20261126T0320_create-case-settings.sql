-- Reference data a service manager configures for case work: administrative procedure types with their
-- legal deadline, the dimensions of the multidimensional assessment, letter templates, and the number of
-- days without activity after which a case is flagged. Installation-wide (one installation per Union or
-- District), seeded with defaults the manager can change.

CREATE TABLE procedure_type (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  name text NOT NULL,
  legal_deadline_days integer NOT NULL DEFAULT 30 CHECK (legal_deadline_days BETWEEN 1 AND 365),
  is_active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN procedure_type.legal_deadline_days IS 'Days to conclude the procedure: 30 by default (L. 241/1990 art. 2), unless a regulation sets another term.';

CREATE TABLE assessment_dimension (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  name_it text NOT NULL,
  name_en text NOT NULL,
  scale_min integer NOT NULL,
  scale_max integer NOT NULL,
  level_labels jsonb NOT NULL DEFAULT '[]',
  sort_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (scale_min < scale_max AND scale_max - scale_min <= 10)
);
COMMENT ON COLUMN assessment_dimension.level_labels IS 'One label per level: [{"value": n, "it": "…", "en": "…"}] for every n from scale_min to scale_max.';

CREATE TABLE letter_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  language text NOT NULL CHECK (language IN ('it', 'en')),
  subject text NOT NULL,
  body text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id),
  UNIQUE (name, language)
);

CREATE TABLE case_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  inactivity_days integer NOT NULL DEFAULT 60 CHECK (inactivity_days BETWEEN 1 AND 730),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE case_settings IS 'One row: installation-wide settings of case work.';

INSERT INTO case_settings (id, inactivity_days) VALUES (true, 60);

INSERT INTO procedure_type (code, name, legal_deadline_days) VALUES
  ('ECON_CONTRIB', 'Contributo economico', 30),
  ('HOME_CARE', 'Servizio di assistenza domiciliare', 30),
  ('DOCUMENT_ACCESS', 'Accesso agli atti', 30);

INSERT INTO assessment_dimension (code, name_it, name_en, scale_min, scale_max, level_labels, sort_order) VALUES
  ('HEALTH', 'Salute e autonomia', 'Health and autonomy', 1, 4, '[]', 10),
  ('HOUSEHOLD', 'Famiglia e carico di cura', 'Household and care load', 1, 4, '[]', 20),
  ('HOUSING', 'Abitazione', 'Housing', 1, 4, '[]', 30),
  ('WORK', 'Lavoro e reddito', 'Work and income', 1, 4, '[]', 40),
  ('EDUCATION', 'Istruzione e formazione', 'Education and training', 1, 4, '[]', 50),
  ('NETWORK', 'Rete sociale', 'Social network', 1, 4, '[]', 60);
UPDATE assessment_dimension SET level_labels = '[
  {"value": 1, "it": "Nessuna difficoltà", "en": "No difficulty"},
  {"value": 2, "it": "Difficoltà lieve", "en": "Mild difficulty"},
  {"value": 3, "it": "Difficoltà moderata", "en": "Moderate difficulty"},
  {"value": 4, "it": "Difficoltà grave", "en": "Severe difficulty"}
]';

INSERT INTO letter_template (name, language, subject, body) VALUES
  ('Convocazione a colloquio', 'it', 'Invito a un colloquio',
   E'Gentile {{person.fullName}},\n\nle scriviamo per invitarla a un colloquio con l''assistente sociale {{worker.name}}.\n\nNel colloquio parliamo insieme della sua richiesta. Porti un documento di identità.\n\nSe non può venire, ci telefoni. Fisseremo un altro giorno.\n\nRiferimento: {{case.reference}}.\n\n{{municipality.name}}, {{today}}'),
  ('Invitation to a meeting', 'en', 'Invitation to a meeting',
   E'Dear {{person.fullName}},\n\nwe invite you to a meeting with the social worker {{worker.name}}.\n\nWe will talk together about your request. Please bring an identity document.\n\nIf you cannot come, please call us and we will find another day.\n\nReference: {{case.reference}}.\n\n{{municipality.name}}, {{today}}');
