-- words_of (migration 000034) split names at every character that is not
-- a letter or digit, as pg_trgm does; but on a database whose LC_CTYPE is
-- C, no letter beyond ASCII is one, and "Gödöllő" became {g, d, ll}: the
-- query's word, whole, was like none of them, and the place was not found
-- (pg_trgm, comparing the whole name, splits both sides alike and found
-- it). Names are now split at spaces and punctuation only; pg_trgm splits
-- what is left as it compares the words, on both sides alike. Under the
-- C.UTF-8 these databases are made with, the words are the same.
CREATE OR REPLACE FUNCTION words_of(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_remove(regexp_split_to_array(lower(name), '[[:space:][:punct:]]+'), '');
REINDEX INDEX people_words_idx;
REINDEX INDEX organizations_words_idx;
REINDEX INDEX places_words_idx;
TRUNCATE name_words;
SELECT refresh_name_words();
