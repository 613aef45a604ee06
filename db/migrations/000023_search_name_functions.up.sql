-- The functions that find names through the trigram indexes (migrations
-- 000005, 000012 and 000019) in PL/pgSQL instead of SQL: PostgreSQL plans
-- a set-returning SQL function that carries a SET clause again at every
-- call, and a search calls up to two per word of the query ("digital
-- economy": eight calls, 1.4 ms of CPU); PL/pgSQL keeps each function's
-- plan for the session (0.9 ms). Same queries, same results.

CREATE OR REPLACE FUNCTION people_like(q text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ BEGIN
    RETURN QUERY SELECT p.id FROM people p
      WHERE q <% p.name OR q <% person_full_name(p.honorifics, p.name);
  END $$;

CREATE OR REPLACE FUNCTION organizations_like(q text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ BEGIN
    RETURN QUERY SELECT o.id FROM organizations o
      WHERE q <% (o.name || ' ' || coalesce(o.short_name, ''));
  END $$;

CREATE OR REPLACE FUNCTION places_like(q text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ BEGIN
    RETURN QUERY SELECT pl.id FROM places pl WHERE q <% pl.name;
  END $$;

CREATE OR REPLACE FUNCTION organizations_matching(pattern text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET enable_seqscan = off
  AS $$ BEGIN
    RETURN QUERY SELECT o.id FROM organizations o WHERE (o.name || ' ' || coalesce(o.short_name, '')) ~* pattern;
  END $$;
