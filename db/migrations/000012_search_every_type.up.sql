-- Search over every type (db/search.go): events, projects and topics by
-- full text, places by name like people and organizations (migration
-- 000005).

CREATE INDEX IF NOT EXISTS events_search_idx ON events USING gin (search);

ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', name), 'A') ||
  setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED;
CREATE INDEX IF NOT EXISTS projects_search_idx ON projects USING gin (search);

ALTER TABLE topics ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', label), 'A') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED;
CREATE INDEX IF NOT EXISTS topics_search_idx ON topics USING gin (search);

-- The places whose name is like q (places_name_trgm_idx).
CREATE FUNCTION places_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT pl.id FROM places pl WHERE q <% pl.name $$;
