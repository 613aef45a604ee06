-- The organizations whose name (with its acronym) matches the regular
-- expression pattern, through organizations_name_trgm_idx (db/search.go).
-- PostgreSQL costs a regular expression like an equality, so on its own it
-- ran the search's expressions on every organization's name; planned here
-- with sequential scans off, the trigram index narrows the names first.
CREATE FUNCTION organizations_matching(pattern text) RETURNS SETOF bigint
  LANGUAGE sql STABLE PARALLEL SAFE STRICT ROWS 50
  SET enable_seqscan = off
  AS $$ SELECT o.id FROM organizations o WHERE (o.name || ' ' || coalesce(o.short_name, '')) ~* pattern $$;
