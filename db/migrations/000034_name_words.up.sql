-- Names found by their words (db/search). A long word of a search query
-- is like a person, organization or place when it is like a word of its
-- name: the functions below look the query's word up among the words of
-- all names (name_words, a few thousand, through a trigram index), then
-- find the names that have one of the words found (a GIN index on each
-- table's words). The search used to compare the word with every name the
-- trigram index offered, whole (people_like, organizations_like and
-- places_like): at 100,000 articles "digital" offered 196
-- of the 5,000 organizations, 0.7 ms of CPU to compare, and a search made
-- six such lookups. Compared whole, a word could also be like a stretch of
-- two words: "malaysian" was like "Indonesian Manufacturing Board"
-- ("…ian Ma…"), and now is not.
--
-- name_words holds every word of a name and may hold words no name has any
-- more (a renamed or deleted one's): such a word finds no name. The
-- triggers add the words of new and renamed names, in order, so that two
-- writers adding the same words wait for each other rather than deadlock.
-- The corpus generator sets them aside and calls refresh_name_words after
-- its load (bench/corpus).

-- words_of splits a name into its words, in lower case, as pg_trgm does
-- (a word is a run of letters and digits).
CREATE FUNCTION words_of(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_remove(regexp_split_to_array(lower(name), '[^[:alnum:]]+'), '');

CREATE TABLE name_words (word text PRIMARY KEY);
CREATE TRIGGER name_words_changed AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON name_words
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
-- Without a pending list: words are added seldom, and each lookup would
-- read the words added since the last vacuum one by one (the corpus
-- generator adds them all after its load).
CREATE INDEX name_words_word_trgm_idx ON name_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);

CREATE INDEX people_words_idx ON people USING gin (words_of(person_full_name(honorifics, name)));
CREATE INDEX organizations_words_idx ON organizations USING gin (words_of(name || ' ' || coalesce(short_name, '')));
CREATE INDEX places_words_idx ON places USING gin (words_of(name));

CREATE FUNCTION add_name_words(words text[]) RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO name_words (word) SELECT DISTINCT w FROM unnest(words) w ORDER BY w ON CONFLICT (word) DO NOTHING;
  END;

CREATE FUNCTION refresh_name_words() RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    SELECT add_name_words(array_agg(DISTINCT w)) FROM (
      SELECT unnest(words_of(person_full_name(honorifics, name))) FROM people
      UNION ALL SELECT unnest(words_of(name || ' ' || coalesce(short_name, ''))) FROM organizations
      UNION ALL SELECT unnest(words_of(name)) FROM places) s(w);
  END;
SELECT refresh_name_words();

CREATE FUNCTION people_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_name_words(words_of(person_full_name(NEW.honorifics, NEW.name)));
  RETURN NULL;
END $$;
CREATE TRIGGER people_name_words AFTER INSERT OR UPDATE OF name, honorifics ON people
  FOR EACH ROW EXECUTE FUNCTION people_name_words();

CREATE FUNCTION organizations_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_name_words(words_of(NEW.name || ' ' || coalesce(NEW.short_name, '')));
  RETURN NULL;
END $$;
CREATE TRIGGER organizations_name_words AFTER INSERT OR UPDATE OF name, short_name ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_name_words();

CREATE FUNCTION places_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM add_name_words(words_of(NEW.name));
  RETURN NULL;
END $$;
CREATE TRIGGER places_name_words AFTER INSERT OR UPDATE OF name ON places
  FOR EACH ROW EXECUTE FUNCTION places_name_words();

-- The lookups, with migration 000023's settings: the people,
-- organizations and places with a word like w (a word of a search query;
-- the people and organizations filters, which compare whole names, keep
-- people_like and organizations_like). A person's words are those of the
-- full name (honorifics and name), which holds the name's. A trigram
-- comparison costs about a microsecond, some 400 times what PostgreSQL
-- counts for an operator (cpu_operator_cost 0.0025); counted so, it would
-- rather compare w with each of the few pages of words than use their
-- trigram index: 1.6 ms against 0.1 for 1,727 words.
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

-- The search was places_like's only caller.
DROP FUNCTION places_like(text);
