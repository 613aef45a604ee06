CREATE FUNCTION places_like(q text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$ BEGIN
    RETURN QUERY SELECT pl.id FROM places pl WHERE q <% pl.name;
  END $$;

DROP FUNCTION places_word_like(text);
DROP FUNCTION organizations_word_like(text);
DROP FUNCTION people_word_like(text);
DROP TRIGGER places_name_words ON places;
DROP FUNCTION places_name_words();
DROP TRIGGER organizations_name_words ON organizations;
DROP FUNCTION organizations_name_words();
DROP TRIGGER people_name_words ON people;
DROP FUNCTION people_name_words();
DROP FUNCTION refresh_name_words();
DROP FUNCTION add_name_words(text[]);
DROP INDEX places_words_idx;
DROP INDEX organizations_words_idx;
DROP INDEX people_words_idx;
DROP TABLE name_words;
DROP FUNCTION words_of(text);
