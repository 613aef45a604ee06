CREATE OR REPLACE FUNCTION people_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT p.id FROM people p
        WHERE q <% p.name OR q <% person_full_name(p.honorifics, p.name) $$;

CREATE OR REPLACE FUNCTION organizations_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT o.id FROM organizations o
        WHERE q <% (o.name || ' ' || coalesce(o.short_name, '')) $$;

CREATE OR REPLACE FUNCTION places_like(q text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ SELECT pl.id FROM places pl WHERE q <% pl.name $$;

CREATE OR REPLACE FUNCTION organizations_matching(pattern text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET enable_seqscan = off
  AS $$ SELECT o.id FROM organizations o WHERE (o.name || ' ' || coalesce(o.short_name, '')) ~* pattern $$;
