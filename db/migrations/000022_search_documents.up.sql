-- One search document per article, statement, figure, agreement, event,
-- project and topic (db/search.go): its type (kind, the position of the
-- type in db.SearchTypes), id, dates (an article's publication range; a
-- statement's and a figure's article's; an agreement's and an event's own
-- date range; NULL for projects and topics), the rank's divisor norm
-- (1 + ln(1 + the length in bytes of the text the tsvector covers)), the
-- lower-case title or name that earns the exact-title bonus (NULL when the
-- type has none) and a copy of the row's search tsvector. A search reads
-- each type's newest matches by walking (kind, id) backwards over these
-- narrow rows (an article's 1.5 KB tsvector is stored uncompressed here,
-- where in articles it is compressed with the text and had to be
-- decompressed for every row checked), or, for words too rare for a short
-- walk, through the type's partial full-text index. Kept in the writing
-- transaction by the triggers below.

CREATE TABLE search_documents (
  kind   smallint NOT NULL,
  id     bigint   NOT NULL,
  dates  daterange,
  norm   float8   NOT NULL,
  title  text,
  search tsvector NOT NULL,
  PRIMARY KEY (kind, id)
) WITH (toast_tuple_target = 8160, fillfactor = 100);

-- Like every table, it announces its changes (migration 000006).
CREATE TRIGGER search_documents_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change();

-- One full-text index per type, so that a rare word's matches of one type
-- are found without reading the other types' (and planned with the type's
-- own share of the rows).
CREATE INDEX search_documents_article_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 0;
CREATE INDEX search_documents_statement_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 1;
CREATE INDEX search_documents_figure_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 2;
CREATE INDEX search_documents_agreement_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 3;
CREATE INDEX search_documents_event_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 4;
CREATE INDEX search_documents_project_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 5;
CREATE INDEX search_documents_topic_idx ON search_documents USING gin (search) WITH (fastupdate = off) WHERE kind = 6;

-- The rank's divisor for a text of size bytes.
CREATE FUNCTION search_norm(size bigint) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN 1 + ln(1 + coalesce(size, 0)::integer);

-- The documents of the rows of one type, as the triggers and
-- refresh_search_documents write them. The sizes are octet_length, which
-- reads the length of a long (TOASTed) text without decompressing it. A
-- fact's article is joined, not looked up row by row: a bulk load writes
-- the documents while the articles' primary key is set aside.
CREATE VIEW search_document_rows AS
  SELECT 0::smallint AS kind, x.id, x.published_range AS dates,
         search_norm(octet_length(x.source_text) + coalesce(octet_length(x.title), 0) + coalesce(octet_length(x.lede), 0)) AS norm,
         lower(x.title) AS title, x.search
    FROM articles x
  UNION ALL
  SELECT 1::smallint, x.id, a.published_range,
         search_norm(octet_length(x.content) + coalesce(octet_length(x.speaker_role), 0) + coalesce(octet_length(x.speaker_description), 0)),
         NULL, x.search
    FROM statements x LEFT JOIN articles a ON a.id = x.article_id
  UNION ALL
  SELECT 2::smallint, x.id, a.published_range,
         search_norm(octet_length(x.metric) + octet_length(x.display)), NULL, x.search
    FROM figures x LEFT JOIN articles a ON a.id = x.article_id
  UNION ALL
  SELECT 3::smallint, x.id, x.date_range, search_norm(octet_length(x.name) + coalesce(octet_length(x.summary), 0)), lower(x.name), x.search
    FROM agreements x
  UNION ALL
  SELECT 4::smallint, x.id, x.date_range, search_norm(octet_length(x.name) + coalesce(octet_length(x.summary), 0)), lower(x.name), x.search
    FROM events x
  UNION ALL
  SELECT 5::smallint, x.id, NULL::daterange, search_norm(octet_length(x.name) + coalesce(octet_length(x.summary), 0)), lower(x.name), x.search
    FROM projects x
  UNION ALL
  SELECT 6::smallint, x.id, NULL::daterange, search_norm(octet_length(x.label) + coalesce(octet_length(x.description), 0)), lower(x.label), x.search
    FROM topics x;

-- refresh_search_documents writes every document anew (this migration,
-- and a bulk load that sets the triggers below aside: bench/corpus).
CREATE FUNCTION refresh_search_documents() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents;
  INSERT INTO search_documents (kind, id, dates, norm, title, search)
    SELECT kind, id, dates, norm, title, search FROM search_document_rows;
END $$;

SELECT refresh_search_documents();

-- search_document_changed keeps the document of the row a statement
-- inserted, updated or deleted (TG_ARGV[0]: the type's kind). The document
-- is written from search_document_rows, so that it is computed one way;
-- an update fires it only when it changes a column the document is made of.
CREATE FUNCTION search_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k smallint := TG_ARGV[0]::smallint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = k AND id = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN
    DELETE FROM search_documents WHERE kind = k AND id = OLD.id;
  END IF;
  INSERT INTO search_documents AS d (kind, id, dates, norm, title, search)
    SELECT r.kind, r.id, r.dates, r.norm, r.title, r.search FROM search_document_rows r WHERE r.kind = k AND r.id = NEW.id
  ON CONFLICT (kind, id) DO UPDATE SET dates = EXCLUDED.dates, norm = EXCLUDED.norm, title = EXCLUDED.title, search = EXCLUDED.search
    WHERE (d.dates, d.norm, d.title, d.search) IS DISTINCT FROM (EXCLUDED.dates, EXCLUDED.norm, EXCLUDED.title, EXCLUDED.search);
  IF k = 0 AND TG_OP = 'UPDATE' THEN
    -- the article's statements and figures are dated by it (a separate
    -- IF: only an article's record has published_range)
    IF OLD.published_range IS DISTINCT FROM NEW.published_range THEN
      UPDATE search_documents d SET dates = NEW.published_range
        WHERE d.kind = 1 AND d.id IN (SELECT s.id FROM statements s WHERE s.article_id = NEW.id);
      UPDATE search_documents d SET dates = NEW.published_range
        WHERE d.kind = 2 AND d.id IN (SELECT f.id FROM figures f WHERE f.article_id = NEW.id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, title, lede, source_text, published_year, published_month, published_day
  ON articles
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(0);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, article_id, content, speaker_role, speaker_description
  ON statements
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(1);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, article_id, metric, display
  ON figures
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(2);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, name, summary, date_year, date_month, date_day
  ON agreements
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(3);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, name, summary, date_year, date_month, date_day
  ON events
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(4);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, name, summary
  ON projects
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(5);
CREATE TRIGGER search_document_changed AFTER INSERT OR DELETE OR UPDATE OF id, label, description
  ON topics
  FOR EACH ROW EXECUTE FUNCTION search_document_changed(6);
