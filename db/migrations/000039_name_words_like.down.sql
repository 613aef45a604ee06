CREATE FUNCTION people_word_like(w text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  SET cpu_operator_cost = 1
  AS $$ BEGIN
    RETURN QUERY SELECT p.id FROM people p
      WHERE words_of(person_full_name(p.honorifics, p.name)) && ARRAY(SELECT v.word FROM name_words v WHERE w <% v.word);
  END $$;

CREATE FUNCTION organizations_word_like(w text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  SET cpu_operator_cost = 1
  AS $$ BEGIN
    RETURN QUERY SELECT o.id FROM organizations o
      WHERE words_of(o.name || ' ' || coalesce(o.short_name, '')) && ARRAY(SELECT v.word FROM name_words v WHERE w <% v.word);
  END $$;

CREATE FUNCTION places_word_like(w text) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT ROWS 50
  SET pg_trgm.word_similarity_threshold = 0.5
  SET cpu_operator_cost = 1
  AS $$ BEGIN
    RETURN QUERY SELECT pl.id FROM places pl
      WHERE words_of(pl.name) && ARRAY(SELECT v.word FROM name_words v WHERE w <% v.word);
  END $$;

DROP FUNCTION name_words_like(text);
