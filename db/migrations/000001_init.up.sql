-- newsgraph's data model: articles kept verbatim, and the structure curated
-- from them, every curated fact tied to an exact span of an article's text.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE date_part AS ENUM ('year', 'month', 'day');
CREATE TYPE date_precision AS ENUM ('year', 'month', 'day');

-- partial_date_ok reports whether year/month/day/precision form a valid
-- partial date: precision names the finest part known, every part up to it is
-- known except possibly the year ("October 25"), and no finer part is set.
CREATE FUNCTION partial_date_ok(y smallint, m smallint, d smallint, p date_precision, wording text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p IS NULL THEN y IS NULL AND m IS NULL AND d IS NULL AND wording IS NULL
    WHEN wording IS NULL OR wording = '' THEN false
    WHEN m IS NOT NULL AND m NOT BETWEEN 1 AND 12 THEN false
    WHEN d IS NOT NULL AND d NOT BETWEEN 1 AND 31 THEN false
    WHEN p = 'year' THEN y IS NOT NULL AND m IS NULL AND d IS NULL
    WHEN p = 'month' THEN m IS NOT NULL AND d IS NULL
    ELSE m IS NOT NULL AND d IS NOT NULL
      AND (y IS NULL OR d <= extract(day FROM (make_date(y, m, 1) + interval '1 month - 1 day')))
  END
$$;

-- partial_date_range is the span of days a partial date covers ([2024-01-01,
-- 2025-01-01) for "2024"); NULL when the year is unknown.
CREATE FUNCTION partial_date_range(y smallint, m smallint, d smallint)
RETURNS daterange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN y IS NULL THEN NULL
    WHEN m IS NULL THEN daterange(make_date(y, 1, 1), make_date(y + 1, 1, 1))
    WHEN d IS NULL THEN daterange(make_date(y, m, 1), (make_date(y, m, 1) + interval '1 month')::date)
    ELSE daterange(make_date(y, m, d), make_date(y, m, d) + 1)
  END
$$;

-- partial_date_json is the read form of a partial date: a JSON object with
-- upper-case enum names, or NULL when there is no date.
CREATE FUNCTION partial_date_json(y smallint, m smallint, d smallint, p date_precision,
                                  wording text, inferred date_part[], basis text)
RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p IS NULL THEN NULL ELSE jsonb_build_object(
    'year', y, 'month', m, 'day', d, 'precision', upper(p::text), 'text', wording,
    'inferred', (SELECT coalesce(jsonb_agg(upper(x::text)), '[]'::jsonb) FROM unnest(inferred) x),
    'basis', basis) END
$$;

-- Entities are everything an article can name and a fact can point at. The
-- slug is the curated, global natural key; each kind has its own table below,
-- keyed by the entity id and tied to it through (id, kind).
CREATE TYPE entity_kind AS ENUM ('person', 'organization', 'place', 'event', 'project', 'agreement');

CREATE TABLE entities (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind entity_kind NOT NULL,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  UNIQUE (id, kind)
);

CREATE TABLE topics (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label       text NOT NULL UNIQUE CHECK (label <> ''),
  description text,
  parent_id   bigint REFERENCES topics (id) ON DELETE RESTRICT,
  CHECK (parent_id <> id)
);
CREATE INDEX topics_parent_id_idx ON topics (parent_id);

CREATE TYPE place_kind AS ENUM ('country', 'region', 'city', 'industrial_park', 'building', 'data_center_site');

CREATE TABLE places (
  id         bigint PRIMARY KEY,
  kind       entity_kind NOT NULL DEFAULT 'place' CHECK (kind = 'place'),
  name       text NOT NULL CHECK (name <> ''),
  place_kind place_kind NOT NULL,
  country_id bigint REFERENCES places (id) ON DELETE RESTRICT,
  parent_id  bigint REFERENCES places (id) ON DELETE RESTRICT,
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (name, place_kind, country_id),
  CHECK (country_id <> id AND parent_id <> id),
  CHECK (place_kind <> 'country' OR country_id IS NULL)
);
CREATE INDEX places_country_id_idx ON places (country_id);
CREATE INDEX places_parent_id_idx ON places (parent_id);
CREATE INDEX places_place_kind_idx ON places (place_kind);
CREATE INDEX places_name_trgm_idx ON places USING gin (name gin_trgm_ops);

CREATE TYPE organization_kind AS ENUM (
  'ministry', 'government_body', 'department', 'university', 'school_or_institute',
  'company', 'association', 'academy'
);

-- kind NULL means the articles do not say what sort of organization it is.
-- unresolved marks a name kept verbatim that does not identify the
-- organization (a garbled token in the source); note says why.
CREATE TABLE organizations (
  id         bigint PRIMARY KEY,
  kind       entity_kind NOT NULL DEFAULT 'organization' CHECK (kind = 'organization'),
  name       text NOT NULL CHECK (name <> ''),
  short_name text CHECK (short_name <> ''),
  org_kind   organization_kind,
  country_id bigint REFERENCES places (id) ON DELETE RESTRICT,
  parent_id  bigint REFERENCES organizations (id) ON DELETE RESTRICT,
  unresolved boolean NOT NULL DEFAULT false,
  note       text,
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (name, org_kind, parent_id),
  CHECK (parent_id <> id),
  CHECK (NOT unresolved OR note IS NOT NULL)
);
CREATE INDEX organizations_country_id_idx ON organizations (country_id);
CREATE INDEX organizations_parent_id_idx ON organizations (parent_id);
CREATE INDEX organizations_org_kind_idx ON organizations (org_kind);
CREATE INDEX organizations_name_trgm_idx ON organizations
  USING gin ((name || ' ' || coalesce(short_name, '')) gin_trgm_ops);

-- name is the person's name without honorifics; honorifics keeps them in the
-- order the article writes them ("Dato' Sri").
CREATE TABLE people (
  id         bigint PRIMARY KEY,
  kind       entity_kind NOT NULL DEFAULT 'person' CHECK (kind = 'person'),
  name       text NOT NULL CHECK (name <> ''),
  honorifics text[] NOT NULL DEFAULT '{}',
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE
);
CREATE INDEX people_name_trgm_idx ON people USING gin (name gin_trgm_ops);

-- An affiliation is a role a person holds (or held: former) at an
-- organization, or at a place when the article names no organization
-- ("Chinese President", "a marketing manager at the building").
CREATE TABLE affiliations (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id       bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  organization_id bigint REFERENCES organizations (id) ON DELETE RESTRICT,
  place_id        bigint REFERENCES places (id) ON DELETE RESTRICT,
  role            text CHECK (role <> ''),
  former          boolean NOT NULL DEFAULT false,
  CHECK (num_nonnulls(organization_id, place_id) = 1),
  UNIQUE NULLS NOT DISTINCT (person_id, organization_id, place_id, role)
);
CREATE INDEX affiliations_organization_id_idx ON affiliations (organization_id);
CREATE INDEX affiliations_place_id_idx ON affiliations (place_id);

CREATE TABLE articles (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug                text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title               text CHECK (title <> ''),
  lede                text CHECK (lede <> ''),
  language            text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$'),
  source_file         text NOT NULL CHECK (source_file <> ''),
  source_text         text NOT NULL CHECK (source_text <> ''),
  published_year      smallint,
  published_month     smallint,
  published_day       smallint,
  published_precision date_precision,
  published_text      text,
  published_inferred  date_part[] NOT NULL DEFAULT '{}',
  published_basis     text,
  published_range     daterange GENERATED ALWAYS AS
                        (partial_date_range(published_year, published_month, published_day)) STORED,
  search              tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                        setweight(to_tsvector('english', coalesce(lede, '')), 'B') ||
                        setweight(to_tsvector('english', source_text), 'C')) STORED,
  CHECK (partial_date_ok(published_year, published_month, published_day, published_precision, published_text)),
  CHECK ((cardinality(published_inferred) = 0) = (published_basis IS NULL))
);
CREATE INDEX articles_published_range_idx ON articles USING gist (published_range);
CREATE INDEX articles_search_idx ON articles USING gin (search);

CREATE TYPE paragraph_kind AS ENUM ('title', 'dateline', 'lede', 'body', 'credit');

-- A paragraph is one block of the source text, byte for byte, without its
-- Markdown markers; source_offset is where it starts in articles.source_text,
-- counted in characters (Unicode code points), as are all offsets here.
CREATE TABLE paragraphs (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id    bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position      integer NOT NULL CHECK (position >= 1),
  kind          paragraph_kind NOT NULL,
  text          text NOT NULL CHECK (text <> ''),
  source_offset integer NOT NULL CHECK (source_offset >= 0),
  search        tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  UNIQUE (article_id, position),
  UNIQUE (id, article_id)
);
CREATE INDEX paragraphs_search_idx ON paragraphs USING gin (search);

CREATE TYPE credit_role AS ENUM ('author', 'reporter', 'translator', 'editor', 'photographer');

CREATE TABLE credits (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  person_id  bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  role       credit_role NOT NULL,
  position   integer NOT NULL CHECK (position >= 1),
  UNIQUE (article_id, position),
  UNIQUE (article_id, person_id, role) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX credits_person_id_idx ON credits (person_id);

CREATE TYPE event_kind AS ENUM ('conference', 'session', 'state_visit', 'meeting', 'signing');

-- An event happened at a place, at an organization (venue), or both. parent
-- holds the event a session belongs to.
CREATE TABLE events (
  id                      bigint PRIMARY KEY,
  kind                    entity_kind NOT NULL DEFAULT 'event' CHECK (kind = 'event'),
  name                    text NOT NULL CHECK (name <> ''),
  event_kind              event_kind NOT NULL,
  summary                 text,
  participant_description text,
  place_id                bigint REFERENCES places (id) ON DELETE RESTRICT,
  venue_id                bigint REFERENCES organizations (id) ON DELETE RESTRICT,
  parent_id               bigint REFERENCES events (id) ON DELETE RESTRICT,
  date_year               smallint,
  date_month              smallint,
  date_day                smallint,
  date_precision          date_precision,
  date_text               text,
  date_inferred           date_part[] NOT NULL DEFAULT '{}',
  date_basis              text,
  date_range              daterange GENERATED ALWAYS AS
                            (partial_date_range(date_year, date_month, date_day)) STORED,
  search                  tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', name), 'A') ||
                            setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED,
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE,
  CHECK (parent_id <> id),
  CHECK (partial_date_ok(date_year, date_month, date_day, date_precision, date_text)),
  CHECK ((cardinality(date_inferred) = 0) = (date_basis IS NULL))
);
CREATE INDEX events_place_id_idx ON events (place_id);
CREATE INDEX events_venue_id_idx ON events (venue_id);
CREATE INDEX events_parent_id_idx ON events (parent_id);
CREATE INDEX events_date_range_idx ON events USING gist (date_range);

CREATE TYPE participant_role AS ENUM ('participant', 'organizer', 'host', 'visitor');

CREATE TABLE event_participants (
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  entity_id bigint NOT NULL REFERENCES entities (id) ON DELETE RESTRICT,
  role      participant_role NOT NULL,
  PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_participants_entity_id_idx ON event_participants (entity_id);

CREATE TYPE project_kind AS ENUM ('data_center', 'industrial_park', 'building', 'infrastructure');
CREATE TYPE project_status AS ENUM ('planned', 'under_construction', 'completed');

CREATE TABLE projects (
  id                   bigint PRIMARY KEY,
  kind                 entity_kind NOT NULL DEFAULT 'project' CHECK (kind = 'project'),
  name                 text NOT NULL CHECK (name <> ''),
  project_kind         project_kind NOT NULL,
  status               project_status,
  summary              text,
  builder_id           bigint REFERENCES organizations (id) ON DELETE RESTRICT,
  place_id             bigint REFERENCES places (id) ON DELETE RESTRICT,
  completion_year      smallint,
  completion_month     smallint,
  completion_day       smallint,
  completion_precision date_precision,
  completion_text      text,
  completion_inferred  date_part[] NOT NULL DEFAULT '{}',
  completion_basis     text,
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE,
  CHECK (partial_date_ok(completion_year, completion_month, completion_day, completion_precision, completion_text)),
  CHECK ((cardinality(completion_inferred) = 0) = (completion_basis IS NULL))
);
CREATE INDEX projects_builder_id_idx ON projects (builder_id);
CREATE INDEX projects_place_id_idx ON projects (place_id);

CREATE TYPE agreement_kind AS ENUM (
  'joint_statement', 'signed_agreement', 'cooperation_model', 'initiative',
  'framework', 'commitment', 'policy'
);
CREATE TYPE agreement_status AS ENUM (
  'proposed', 'announced', 'agreed', 'issued', 'signed', 'established', 'in_force'
);

-- Agreements and cooperation frameworks: joint statements, signed
-- agreements, cooperation models, named initiatives and policies. parent holds
-- the agreement a part belongs to (a commitment inside a joint statement).
-- status NULL means the articles do not say.
CREATE TABLE agreements (
  id             bigint PRIMARY KEY,
  kind           entity_kind NOT NULL DEFAULT 'agreement' CHECK (kind = 'agreement'),
  name           text NOT NULL CHECK (name <> ''),
  agreement_kind agreement_kind NOT NULL,
  status         agreement_status,
  summary        text,
  parent_id      bigint REFERENCES agreements (id) ON DELETE RESTRICT,
  date_year      smallint,
  date_month     smallint,
  date_day       smallint,
  date_precision date_precision,
  date_text      text,
  date_inferred  date_part[] NOT NULL DEFAULT '{}',
  date_basis     text,
  date_range     daterange GENERATED ALWAYS AS
                   (partial_date_range(date_year, date_month, date_day)) STORED,
  search         tsvector GENERATED ALWAYS AS (
                   setweight(to_tsvector('english', name), 'A') ||
                   setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED,
  FOREIGN KEY (id, kind) REFERENCES entities (id, kind) ON DELETE CASCADE,
  CHECK (parent_id <> id),
  CHECK (partial_date_ok(date_year, date_month, date_day, date_precision, date_text)),
  CHECK ((cardinality(date_inferred) = 0) = (date_basis IS NULL))
);
CREATE INDEX agreements_agreement_kind_idx ON agreements (agreement_kind);
CREATE INDEX agreements_status_idx ON agreements (status);
CREATE INDEX agreements_parent_id_idx ON agreements (parent_id);
CREATE INDEX agreements_date_range_idx ON agreements USING gist (date_range);
CREATE INDEX agreements_search_idx ON agreements USING gin (search);

CREATE TYPE party_role AS ENUM ('party', 'partner', 'signatory');

CREATE TABLE agreement_parties (
  agreement_id bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE RESTRICT,
  role         party_role NOT NULL,
  position     integer NOT NULL CHECK (position >= 1),
  PRIMARY KEY (agreement_id, entity_id),
  UNIQUE (agreement_id, position)
);
CREATE INDEX agreement_parties_entity_id_idx ON agreement_parties (entity_id);

CREATE TABLE agreement_places (
  agreement_id bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  place_id     bigint NOT NULL REFERENCES places (id) ON DELETE RESTRICT,
  PRIMARY KEY (agreement_id, place_id)
);
CREATE INDEX agreement_places_place_id_idx ON agreement_places (place_id);

CREATE TABLE agreement_projects (
  agreement_id bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  project_id   bigint NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  PRIMARY KEY (agreement_id, project_id)
);
CREATE INDEX agreement_projects_project_id_idx ON agreement_projects (project_id);

CREATE TYPE reporting_verb AS ENUM (
  'said', 'stated', 'noted', 'suggested', 'pointed_out', 'highlighted', 'emphasized',
  'explained', 'expressed_hope', 'according_to', 'added', 'announced'
);
CREATE TYPE statement_mode AS ENUM ('quote', 'paraphrase');

-- A statement is one claim attributed to a speaker in one article: a person
-- or an organization (speaker_id), or someone the article does not name
-- (speaker_description, with the organization they speak for when given).
-- key is the curated natural key, unique within the article.
CREATE TABLE statements (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id              bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  key                     text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position                integer NOT NULL CHECK (position >= 1),
  speaker_id              bigint,
  speaker_kind            entity_kind,
  speaker_description     text CHECK (speaker_description <> ''),
  speaker_organization_id bigint REFERENCES organizations (id) ON DELETE RESTRICT,
  speaker_role            text CHECK (speaker_role <> ''),
  verb                    reporting_verb NOT NULL,
  mode                    statement_mode NOT NULL,
  content                 text NOT NULL CHECK (content <> ''),
  event_id                bigint REFERENCES events (id) ON DELETE SET NULL,
  search                  tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', content), 'A') ||
                            setweight(to_tsvector('english',
                              coalesce(speaker_role, '') || ' ' || coalesce(speaker_description, '')), 'C')) STORED,
  FOREIGN KEY (speaker_id, speaker_kind) REFERENCES entities (id, kind) ON DELETE RESTRICT,
  CHECK (speaker_kind IN ('person', 'organization')),
  CHECK ((speaker_id IS NULL) = (speaker_kind IS NULL)),
  CHECK (num_nonnulls(speaker_id, speaker_description) = 1),
  UNIQUE (article_id, key),
  -- deferred, so that a re-import may reorder statements in one transaction
  UNIQUE (article_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX statements_speaker_id_idx ON statements (speaker_id);
CREATE INDEX statements_speaker_organization_id_idx ON statements (speaker_organization_id);
CREATE INDEX statements_event_id_idx ON statements (event_id);
CREATE INDEX statements_verb_idx ON statements (verb);
CREATE INDEX statements_search_idx ON statements USING gin (search);

-- The affiliations the speaker's role at that point refers to.
CREATE TABLE statement_affiliations (
  statement_id   bigint NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  affiliation_id bigint NOT NULL REFERENCES affiliations (id) ON DELETE RESTRICT,
  PRIMARY KEY (statement_id, affiliation_id)
);
CREATE INDEX statement_affiliations_affiliation_id_idx ON statement_affiliations (affiliation_id);

CREATE TABLE statement_mentions (
  statement_id bigint NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE RESTRICT,
  PRIMARY KEY (statement_id, entity_id)
);
CREATE INDEX statement_mentions_entity_id_idx ON statement_mentions (entity_id);

CREATE TYPE figure_unit AS ENUM ('percent', 'percentage_point', 'count', 'currency', 'date');

-- A figure is one quantity an article states. value holds it exactly; a
-- figure whose quantity is a date (a scheduled completion) has unit 'date'
-- and the date in value_date_*. period and base hold what the value
-- describes and what it is compared with ("2024 over 2023").
CREATE TABLE figures (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id           bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  key                  text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position             integer NOT NULL CHECK (position >= 1),
  metric               text NOT NULL CHECK (metric <> ''),
  value                numeric,
  unit                 figure_unit NOT NULL,
  currency             text CHECK (currency ~ '^[A-Z]{3}$'),
  display              text NOT NULL CHECK (display <> ''),
  subject_id           bigint NOT NULL REFERENCES entities (id) ON DELETE RESTRICT,
  statement_id         bigint REFERENCES statements (id) ON DELETE SET NULL,
  period_year          smallint,
  period_month         smallint,
  period_day           smallint,
  period_precision     date_precision,
  period_text          text,
  period_inferred      date_part[] NOT NULL DEFAULT '{}',
  period_basis         text,
  base_year            smallint,
  base_month           smallint,
  base_day             smallint,
  base_precision       date_precision,
  base_text            text,
  base_inferred        date_part[] NOT NULL DEFAULT '{}',
  base_basis           text,
  value_date_year      smallint,
  value_date_month     smallint,
  value_date_day       smallint,
  value_date_precision date_precision,
  value_date_text      text,
  value_date_inferred  date_part[] NOT NULL DEFAULT '{}',
  value_date_basis     text,
  period_range         daterange GENERATED ALWAYS AS
                         (partial_date_range(period_year, period_month, period_day)) STORED,
  search               tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', metric), 'A') ||
                         setweight(to_tsvector('english', display), 'B')) STORED,
  UNIQUE (article_id, key),
  UNIQUE (article_id, position) DEFERRABLE INITIALLY DEFERRED,
  CHECK ((unit = 'date') = (value IS NULL)),
  CHECK ((unit = 'date') = (value_date_precision IS NOT NULL)),
  CHECK ((unit = 'currency') = (currency IS NOT NULL)),
  CHECK (partial_date_ok(period_year, period_month, period_day, period_precision, period_text)),
  CHECK (partial_date_ok(base_year, base_month, base_day, base_precision, base_text)),
  CHECK (partial_date_ok(value_date_year, value_date_month, value_date_day, value_date_precision, value_date_text)),
  CHECK ((cardinality(period_inferred) = 0) = (period_basis IS NULL)),
  CHECK ((cardinality(base_inferred) = 0) = (base_basis IS NULL)),
  CHECK ((cardinality(value_date_inferred) = 0) = (value_date_basis IS NULL))
);
CREATE INDEX figures_subject_id_idx ON figures (subject_id);
CREATE INDEX figures_statement_id_idx ON figures (statement_id);
CREATE INDEX figures_unit_idx ON figures (unit);
CREATE INDEX figures_value_idx ON figures (value);
CREATE INDEX figures_period_range_idx ON figures USING gist (period_range);
CREATE INDEX figures_metric_trgm_idx ON figures USING gin (metric gin_trgm_ops);
CREATE INDEX figures_search_idx ON figures USING gin (search);

-- Topics: a controlled vocabulary tagged on articles, statements, figures,
-- agreements and events.
CREATE TABLE article_topics (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  topic_id   bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
  PRIMARY KEY (article_id, topic_id)
);
CREATE INDEX article_topics_topic_id_idx ON article_topics (topic_id);

CREATE TABLE statement_topics (
  statement_id bigint NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  topic_id     bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
  PRIMARY KEY (statement_id, topic_id)
);
CREATE INDEX statement_topics_topic_id_idx ON statement_topics (topic_id);

CREATE TABLE figure_topics (
  figure_id bigint NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
  topic_id  bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
  PRIMARY KEY (figure_id, topic_id)
);
CREATE INDEX figure_topics_topic_id_idx ON figure_topics (topic_id);

CREATE TABLE agreement_topics (
  agreement_id bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  topic_id     bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
  PRIMARY KEY (agreement_id, topic_id)
);
CREATE INDEX agreement_topics_topic_id_idx ON agreement_topics (topic_id);

CREATE TABLE event_topics (
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  topic_id bigint NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
  PRIMARY KEY (event_id, topic_id)
);
CREATE INDEX event_topics_topic_id_idx ON event_topics (topic_id);

-- Evidence is an exact span of one paragraph that supports exactly one
-- curated fact: a statement, a figure, an affiliation, a credit, or an
-- entity's mention in the article (people, organizations, places, events,
-- projects, agreements). start_offset and end_offset count characters from
-- the paragraph's start, end exclusive; text is the span itself.
CREATE TABLE evidence (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id     bigint NOT NULL,
  paragraph_id   bigint NOT NULL,
  start_offset   integer NOT NULL CHECK (start_offset >= 0),
  end_offset     integer NOT NULL,
  text           text NOT NULL,
  statement_id   bigint REFERENCES statements (id) ON DELETE CASCADE,
  figure_id      bigint REFERENCES figures (id) ON DELETE CASCADE,
  affiliation_id bigint REFERENCES affiliations (id) ON DELETE CASCADE,
  credit_id      bigint REFERENCES credits (id) ON DELETE CASCADE,
  entity_id      bigint REFERENCES entities (id) ON DELETE CASCADE,
  FOREIGN KEY (paragraph_id, article_id) REFERENCES paragraphs (id, article_id) ON DELETE CASCADE,
  CHECK (end_offset > start_offset),
  CHECK (char_length(text) = end_offset - start_offset),
  CHECK (num_nonnulls(statement_id, figure_id, affiliation_id, credit_id, entity_id) = 1),
  UNIQUE NULLS NOT DISTINCT
    (statement_id, figure_id, affiliation_id, credit_id, entity_id, paragraph_id, start_offset, end_offset)
);
CREATE INDEX evidence_article_id_idx ON evidence (article_id);
CREATE INDEX evidence_paragraph_id_idx ON evidence (paragraph_id, article_id);
CREATE INDEX evidence_statement_id_idx ON evidence (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX evidence_figure_id_idx ON evidence (figure_id) WHERE figure_id IS NOT NULL;
CREATE INDEX evidence_affiliation_id_idx ON evidence (affiliation_id) WHERE affiliation_id IS NOT NULL;
CREATE INDEX evidence_credit_id_idx ON evidence (credit_id) WHERE credit_id IS NOT NULL;
CREATE INDEX evidence_entity_id_idx ON evidence (entity_id, article_id) WHERE entity_id IS NOT NULL;

-- evidence_matches_paragraph keeps every span honest: its text must be
-- exactly the characters its offsets cut out of its paragraph.
CREATE FUNCTION evidence_matches_paragraph() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  para text;
BEGIN
  SELECT p.text INTO para FROM paragraphs p WHERE p.id = NEW.paragraph_id;
  IF para IS NULL OR substr(para, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset) IS DISTINCT FROM NEW.text
     OR NEW.end_offset > char_length(para) THEN
    RAISE EXCEPTION 'evidence span [%, %) does not match paragraph %', NEW.start_offset, NEW.end_offset, NEW.paragraph_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER evidence_matches_paragraph
  BEFORE INSERT OR UPDATE ON evidence
  FOR EACH ROW EXECUTE FUNCTION evidence_matches_paragraph();
