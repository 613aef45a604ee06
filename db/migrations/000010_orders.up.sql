-- Sort columns and indexes for the orders of the listings (orderBy on every
-- connection, root and nested): each order reads its page off an index
-- instead of sorting every row (bench.TestOrderPlans checks each order on a
-- generated corpus). The sort expressions must stay the ones package db
-- orders by (orderFor in db/queries.go). Undated rows sort last either way,
-- so a date order has an index for each direction.

-- Copies kept by triggers: a statement's and a figure's article's
-- publication date (its first day; NULL when the article is undated), a
-- statement's speaker's name (a person's or organization's name, or the
-- description of an unnamed speaker), and how many statements an entity
-- made (people, organizations: as the speaker, or through unnamed staff
-- speaking for it) or is named in (places, events, agreements).
ALTER TABLE statements ADD COLUMN published date, ADD COLUMN speaker_name text NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN published date;
ALTER TABLE people ADD COLUMN statement_count integer NOT NULL DEFAULT 0;
ALTER TABLE organizations ADD COLUMN statement_count integer NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN statement_count integer NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN statement_count integer NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN statement_count integer NOT NULL DEFAULT 0;

CREATE FUNCTION statement_sort_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.published := (SELECT lower(a.published_range) FROM articles a WHERE a.id = NEW.article_id);
  NEW.speaker_name := coalesce((SELECT p.name FROM people p WHERE p.id = NEW.speaker_id),
                               (SELECT o.name FROM organizations o WHERE o.id = NEW.speaker_id),
                               NEW.speaker_description, '');
  RETURN NEW;
END $$;
CREATE TRIGGER statement_sort_columns BEFORE INSERT OR UPDATE OF article_id, speaker_id, speaker_description
  ON statements FOR EACH ROW EXECUTE FUNCTION statement_sort_columns();

CREATE FUNCTION figure_sort_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.published := (SELECT lower(a.published_range) FROM articles a WHERE a.id = NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER figure_sort_columns BEFORE INSERT OR UPDATE OF article_id
  ON figures FOR EACH ROW EXECUTE FUNCTION figure_sort_columns();

CREATE FUNCTION article_published_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statements SET published = lower(NEW.published_range)
    WHERE article_id = NEW.id AND published IS DISTINCT FROM lower(NEW.published_range);
  UPDATE figures SET published = lower(NEW.published_range)
    WHERE article_id = NEW.id AND published IS DISTINCT FROM lower(NEW.published_range);
  RETURN NULL;
END $$;
CREATE TRIGGER article_published_changed AFTER UPDATE OF published_year, published_month, published_day
  ON articles FOR EACH ROW EXECUTE FUNCTION article_published_changed();

CREATE FUNCTION speaker_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statements SET speaker_name = NEW.name WHERE speaker_id = NEW.id AND speaker_name <> NEW.name;
  RETURN NULL;
END $$;
CREATE TRIGGER speaker_name_changed AFTER INSERT OR UPDATE OF name
  ON people FOR EACH ROW EXECUTE FUNCTION speaker_name_changed();
CREATE TRIGGER speaker_name_changed AFTER INSERT OR UPDATE OF name
  ON organizations FOR EACH ROW EXECUTE FUNCTION speaker_name_changed();

-- refresh_speaker_counts counts anew the statements of the people and
-- organizations ids names, refresh_mention_counts those that name the
-- places, events and agreements ids names (ids of other things are
-- ignored): for the rows this migration finds, and for a bulk load that
-- sets the triggers below aside (bench/corpus).
CREATE FUNCTION refresh_speaker_counts(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE people x SET statement_count = c.n
    FROM (SELECT p.id, (SELECT count(*) FROM statements s WHERE s.speaker_id = p.id) AS n
          FROM people p WHERE p.id = ANY(ids)) c
    WHERE x.id = c.id AND x.statement_count <> c.n;
  UPDATE organizations x SET statement_count = c.n
    FROM (SELECT o.id, (SELECT count(*) FROM statements s WHERE s.speaker_id = o.id OR s.speaker_organization_id = o.id) AS n
          FROM organizations o WHERE o.id = ANY(ids)) c
    WHERE x.id = c.id AND x.statement_count <> c.n;
END $$;

CREATE FUNCTION refresh_mention_counts(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE places x SET statement_count = c.n
    FROM (SELECT pl.id, (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = pl.id) AS n
          FROM places pl WHERE pl.id = ANY(ids)) c
    WHERE x.id = c.id AND x.statement_count <> c.n;
  UPDATE events x SET statement_count = c.n
    FROM (SELECT ev.id, (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = ev.id) AS n
          FROM events ev WHERE ev.id = ANY(ids)) c
    WHERE x.id = c.id AND x.statement_count <> c.n;
  UPDATE agreements x SET statement_count = c.n
    FROM (SELECT ag.id, (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = ag.id) AS n
          FROM agreements ag WHERE ag.id = ANY(ids)) c
    WHERE x.id = c.id AND x.statement_count <> c.n;
END $$;

-- refresh_statement_counts counts anew the statements of every kind of
-- entity ids names.
CREATE FUNCTION refresh_statement_counts(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_speaker_counts(ids);
  PERFORM refresh_mention_counts(ids);
END $$;

-- The triggers keep the counts by the rows a statement changed, without
-- counting anew: per statement, not per row (a COPY or a re-import
-- changes each entity's count once), each inserted row adding one to its
-- entities and each deleted row taking one away. A trigger with
-- transition tables takes one event.
CREATE FUNCTION add_statement_counts(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF deltas IS NULL THEN
    RETURN;
  END IF;
  UPDATE people x SET statement_count = x.statement_count + d.value::int
    FROM jsonb_each_text(deltas) d WHERE x.id = d.key::bigint AND d.value::int <> 0;
  UPDATE organizations x SET statement_count = x.statement_count + d.value::int
    FROM jsonb_each_text(deltas) d WHERE x.id = d.key::bigint AND d.value::int <> 0;
END $$;

CREATE FUNCTION add_mention_counts(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF deltas IS NULL THEN
    RETURN;
  END IF;
  UPDATE places x SET statement_count = x.statement_count + d.value::int
    FROM jsonb_each_text(deltas) d WHERE x.id = d.key::bigint AND d.value::int <> 0;
  UPDATE events x SET statement_count = x.statement_count + d.value::int
    FROM jsonb_each_text(deltas) d WHERE x.id = d.key::bigint AND d.value::int <> 0;
  UPDATE agreements x SET statement_count = x.statement_count + d.value::int
    FROM jsonb_each_text(deltas) d WHERE x.id = d.key::bigint AND d.value::int <> 0;
END $$;

-- A statement counts once for its speaker and once for the organization
-- an unnamed speaker speaks for (once when they are the same).
CREATE FUNCTION statements_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_object_agg(e, n) INTO deltas FROM (
      SELECT x.e, count(*) AS n FROM new_rows r
        CROSS JOIN LATERAL (SELECT r.speaker_id UNION SELECT r.speaker_organization_id) x(e)
      WHERE x.e IS NOT NULL GROUP BY x.e) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_object_agg(e, -n) INTO deltas FROM (
      SELECT x.e, count(*) AS n FROM old_rows r
        CROSS JOIN LATERAL (SELECT r.speaker_id UNION SELECT r.speaker_organization_id) x(e)
      WHERE x.e IS NOT NULL GROUP BY x.e) c;
  ELSE
    SELECT jsonb_object_agg(e, n) INTO deltas FROM (
      SELECT x.e, sum(x.n) AS n FROM (
        SELECT r.speaker_id, r.speaker_organization_id, 1 AS n FROM new_rows r
        UNION ALL SELECT r.speaker_id, r.speaker_organization_id, -1 FROM old_rows r) r
        CROSS JOIN LATERAL (SELECT r.speaker_id AS e, r.n UNION SELECT r.speaker_organization_id, r.n) x
      WHERE x.e IS NOT NULL GROUP BY x.e) c;
  END IF;
  PERFORM add_statement_counts(deltas);
  RETURN NULL;
END $$;
CREATE TRIGGER statements_counted_insert AFTER INSERT ON statements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_counted();
CREATE TRIGGER statements_counted_update AFTER UPDATE ON statements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_counted();
CREATE TRIGGER statements_counted_delete AFTER DELETE ON statements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_counted();

CREATE FUNCTION statement_mentions_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_object_agg(entity_id, n) INTO deltas FROM (SELECT entity_id, count(*) AS n FROM new_rows GROUP BY entity_id) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_object_agg(entity_id, -n) INTO deltas FROM (SELECT entity_id, count(*) AS n FROM old_rows GROUP BY entity_id) c;
  ELSE
    SELECT jsonb_object_agg(entity_id, n) INTO deltas FROM (
      SELECT entity_id, sum(n) AS n FROM (SELECT entity_id, 1 AS n FROM new_rows UNION ALL SELECT entity_id, -1 FROM old_rows) r
      GROUP BY entity_id) c;
  END IF;
  PERFORM add_mention_counts(deltas);
  RETURN NULL;
END $$;
CREATE TRIGGER statement_mentions_counted_insert AFTER INSERT ON statement_mentions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_mentions_counted();
CREATE TRIGGER statement_mentions_counted_update AFTER UPDATE ON statement_mentions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_mentions_counted();
CREATE TRIGGER statement_mentions_counted_delete AFTER DELETE ON statement_mentions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_mentions_counted();

-- What the database holds already.
UPDATE statements s SET published = lower(a.published_range) FROM articles a WHERE a.id = s.article_id;
UPDATE figures f SET published = lower(a.published_range) FROM articles a WHERE a.id = f.article_id;
UPDATE statements s SET speaker_name = coalesce(
  (SELECT p.name FROM people p WHERE p.id = s.speaker_id),
  (SELECT o.name FROM organizations o WHERE o.id = s.speaker_id), s.speaker_description, '');
SELECT refresh_statement_counts(ARRAY(SELECT id FROM entities));

-- Statements: by publication date (each direction), by speaker name; a
-- person's or organization's own statements by publication date.
CREATE INDEX statements_published_asc_idx ON statements ((coalesce(published, 'infinity'::date)), article_id, position, id);
CREATE INDEX statements_published_desc_idx ON statements ((coalesce(published, '-infinity'::date)), article_id, position, id);
CREATE INDEX statements_speaker_name_idx ON statements (speaker_name, id);
CREATE INDEX statements_speaker_published_asc_idx ON statements (speaker_id, (coalesce(published, 'infinity'::date)), article_id, position, id);
CREATE INDEX statements_speaker_published_desc_idx ON statements (speaker_id, (coalesce(published, '-infinity'::date)), article_id, position, id);

-- Figures: by value, period and publication date (each direction); an
-- entity's figures by period.
CREATE INDEX figures_value_asc_idx ON figures ((coalesce(value, 'Infinity'::numeric)), id);
CREATE INDEX figures_value_desc_idx ON figures ((coalesce(value, '-Infinity'::numeric)), id);
CREATE INDEX figures_period_asc_idx ON figures ((coalesce(lower(period_range), 'infinity'::date)), id);
CREATE INDEX figures_period_desc_idx ON figures ((coalesce(lower(period_range), '-infinity'::date)), id);
CREATE INDEX figures_published_asc_idx ON figures ((coalesce(published, 'infinity'::date)), article_id, position, id);
CREATE INDEX figures_published_desc_idx ON figures ((coalesce(published, '-infinity'::date)), article_id, position, id);
CREATE INDEX figures_subject_period_asc_idx ON figures (subject_id, (coalesce(lower(period_range), 'infinity'::date)), id);
CREATE INDEX figures_subject_period_desc_idx ON figures (subject_id, (coalesce(lower(period_range), '-infinity'::date)), id);

-- Articles: oldest first (newest first has articles_published_newest_idx),
-- by title.
CREATE INDEX articles_published_oldest_idx ON articles ((coalesce(lower(published_range), 'infinity'::date)), id);
CREATE INDEX articles_title_idx ON articles ((coalesce(title, '')), id);

-- Entities: by name, by statement count; events and agreements by date.
CREATE INDEX people_name_idx ON people (name, id);
CREATE INDEX people_statement_count_idx ON people (statement_count, id);
CREATE INDEX organizations_name_idx ON organizations (name, id);
CREATE INDEX organizations_statement_count_idx ON organizations (statement_count, id);
CREATE INDEX places_name_idx ON places (name, id);
CREATE INDEX places_statement_count_idx ON places (statement_count, id);
CREATE INDEX events_name_idx ON events (name, id);
CREATE INDEX events_statement_count_idx ON events (statement_count, id);
CREATE INDEX events_date_asc_idx ON events ((coalesce(lower(date_range), 'infinity'::date)), id);
CREATE INDEX events_date_desc_idx ON events ((coalesce(lower(date_range), '-infinity'::date)), id);
CREATE INDEX agreements_name_idx ON agreements (name, id);
CREATE INDEX agreements_statement_count_idx ON agreements (statement_count, id);
CREATE INDEX agreements_date_asc_idx ON agreements ((coalesce(lower(date_range), 'infinity'::date)), id);
CREATE INDEX agreements_date_desc_idx ON agreements ((coalesce(lower(date_range), '-infinity'::date)), id);
