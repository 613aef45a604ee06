-- Agreements ordered by publication (orderBy: {field: PUBLISHED}): an
-- agreement's publication date is that of the most recent article that
-- names it (its first day; NULL when no dated article names it), kept by
-- triggers like the statements' and figures' copies of migration 000010,
-- with an index for each direction (undated agreements last either way).
ALTER TABLE agreements ADD COLUMN published date;

-- refresh_agreements_published computes anew the publication date of the
-- agreements ids names (other ids are ignored; NULL: every agreement, for
-- this migration and for a bulk load that sets the trigger aside,
-- bench/corpus).
CREATE FUNCTION refresh_agreements_published(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NOT NULL AND cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE agreements ag SET published = c.published
    FROM (SELECT x.id, (SELECT max(lower(a.published_range)) FROM evidence e JOIN articles a ON a.id = e.article_id
            WHERE e.entity_id = x.id) AS published
          FROM agreements x WHERE ids IS NULL OR x.id = ANY(ids)) c
    WHERE ag.id = c.id AND ag.published IS DISTINCT FROM c.published;
END $$;

-- Per statement: a COPY or a re-import refreshes each agreement once.
CREATE FUNCTION evidence_agreements_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_agreements_published(ARRAY(SELECT DISTINCT n.entity_id FROM new_rows n WHERE n.entity_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_agreements_published(ARRAY(SELECT DISTINCT o.entity_id FROM old_rows o WHERE o.entity_id IS NOT NULL));
  ELSE
    PERFORM refresh_agreements_published(ARRAY(
      SELECT n.entity_id FROM new_rows n WHERE n.entity_id IS NOT NULL
      UNION SELECT o.entity_id FROM old_rows o WHERE o.entity_id IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER evidence_agreements_published_insert AFTER INSERT ON evidence
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_agreements_published();
CREATE TRIGGER evidence_agreements_published_update AFTER UPDATE ON evidence
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_agreements_published();
CREATE TRIGGER evidence_agreements_published_delete AFTER DELETE ON evidence
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_agreements_published();

-- An article whose date changes changes the dates of the agreements it names.
CREATE FUNCTION article_agreements_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_agreements_published(ARRAY(
    SELECT DISTINCT e.entity_id FROM evidence e WHERE e.article_id = NEW.id AND e.entity_id IS NOT NULL));
  RETURN NULL;
END $$;
CREATE TRIGGER article_agreements_published AFTER UPDATE OF published_year, published_month, published_day
  ON articles FOR EACH ROW EXECUTE FUNCTION article_agreements_published();

SELECT refresh_agreements_published(NULL);

CREATE INDEX agreements_published_asc_idx ON agreements ((coalesce(published, 'infinity'::date)), id);
CREATE INDEX agreements_published_desc_idx ON agreements ((coalesce(published, '-infinity'::date)), id);
