CREATE OR REPLACE FUNCTION words_of(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_remove(regexp_split_to_array(lower(name), '[^[:alnum:]]+'), '');
REINDEX INDEX people_words_idx;
REINDEX INDEX organizations_words_idx;
REINDEX INDEX places_words_idx;
TRUNCATE name_words;
SELECT refresh_name_words();
