-- Name matching with the trigram indexes, for search and the people and
-- organizations name filters (db/search.go, db/read.go). A name matches a
-- query when the trigram word similarity of the two is at least 0.5; the
-- operator form of that test (<%) is what a trigram index can answer, and
-- it compares with the setting pg_trgm.word_similarity_threshold. The
-- functions below set it for their own duration, so the result does not
-- depend on the session's settings. They return a superset of the matches
-- the callers then check exactly.

-- A person's name after their honorifics ("Dato' Sri Mustapa bin Mohamed"):
-- immutable for text, unlike array_to_string in general, so that it can be
-- indexed.
CREATE FUNCTION person_full_name(honorifics text[], name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_to_string(honorifics, ' ') || ' ' || name;

CREATE INDEX IF NOT EXISTS people_full_name_trgm_idx
  ON people USING gin (person_full_name(honorifics, name) gin_trgm_ops);

-- The people whose name, with or without honorifics, is like q.
CREATE FUNCTION people_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT p.id FROM people p
        WHERE q <% p.name OR q <% person_full_name(p.honorifics, p.name) $$;

-- The organizations whose name and short name are like q (the expression
-- of organizations_name_trgm_idx).
CREATE FUNCTION organizations_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT o.id FROM organizations o
        WHERE q <% (o.name || ' ' || coalesce(o.short_name, '')) $$;
