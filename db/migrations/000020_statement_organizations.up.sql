-- The organizations a statement's speaker spoke for, kept by triggers so
-- that grouping statements by organization (the aggregates' ORGANIZATION
-- dimension, and COUNTRY through it) reads one indexed table, as grouping
-- by topic reads statement_topics, instead of a union of three joins for
-- every statement: the speaking organization, the organization an unnamed
-- speaker spoke for, and those of the affiliations the speaker's role
-- refers to, each once.
CREATE TABLE statement_organizations (
  statement_id    bigint NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  organization_id bigint NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  PRIMARY KEY (statement_id, organization_id)
);
CREATE INDEX statement_organizations_organization_id_idx ON statement_organizations (organization_id, statement_id);

CREATE TRIGGER statement_organizations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement_organizations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change();

-- refresh_statement_organizations computes anew the organizations of the
-- statements ids names (NULL: of every statement, for this migration and
-- for a bulk load that sets the triggers below aside, bench/corpus). Rows
-- that stay are left alone.
CREATE FUNCTION refresh_statement_organizations(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL THEN
    DELETE FROM statement_organizations;
    INSERT INTO statement_organizations (statement_id, organization_id)
      SELECT s.id, s.speaker_id FROM statements s WHERE s.speaker_kind = 'organization'
      UNION SELECT s.id, s.speaker_organization_id FROM statements s WHERE s.speaker_organization_id IS NOT NULL
      UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IS NOT NULL;
    RETURN;
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  WITH wanted(statement_id, organization_id) AS (
      SELECT s.id, s.speaker_id FROM statements s WHERE s.id = ANY(ids) AND s.speaker_kind = 'organization'
      UNION SELECT s.id, s.speaker_organization_id FROM statements s WHERE s.id = ANY(ids) AND s.speaker_organization_id IS NOT NULL
      UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE sa.statement_id = ANY(ids) AND af.organization_id IS NOT NULL),
    gone AS (
      DELETE FROM statement_organizations so WHERE so.statement_id = ANY(ids) AND NOT EXISTS (
        SELECT 1 FROM wanted w WHERE w.statement_id = so.statement_id AND w.organization_id = so.organization_id))
  INSERT INTO statement_organizations (statement_id, organization_id)
    SELECT w.statement_id, w.organization_id FROM wanted w ON CONFLICT DO NOTHING;
END $$;

-- Per statement, not per row: a COPY or a re-import refreshes each
-- statement once. A statement's deletion cascades to its rows here.
CREATE FUNCTION statements_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_statement_organizations(ARRAY(
      SELECT n.id FROM new_rows n WHERE n.speaker_kind = 'organization' OR n.speaker_organization_id IS NOT NULL));
  ELSE
    PERFORM refresh_statement_organizations(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.speaker_id, n.speaker_kind, n.speaker_organization_id) IS DISTINCT FROM (o.speaker_id, o.speaker_kind, o.speaker_organization_id)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER statements_organizations_insert AFTER INSERT ON statements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_organizations();
CREATE TRIGGER statements_organizations_update AFTER UPDATE ON statements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_organizations();

CREATE FUNCTION statement_affiliations_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_statement_organizations(ARRAY(SELECT DISTINCT n.statement_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_statement_organizations(ARRAY(SELECT DISTINCT o.statement_id FROM old_rows o));
  ELSE
    PERFORM refresh_statement_organizations(ARRAY(
      SELECT n.statement_id FROM new_rows n UNION SELECT o.statement_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER statement_affiliations_organizations_insert AFTER INSERT ON statement_affiliations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organizations();
CREATE TRIGGER statement_affiliations_organizations_update AFTER UPDATE ON statement_affiliations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organizations();
CREATE TRIGGER statement_affiliations_organizations_delete AFTER DELETE ON statement_affiliations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organizations();

-- An affiliation that changes its organization changes the organizations
-- of the statements whose role refers to it (one that is referred to
-- cannot be deleted).
CREATE FUNCTION affiliations_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_statement_organizations(ARRAY(
    SELECT DISTINCT sa.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN statement_affiliations sa ON sa.affiliation_id = n.id
    WHERE n.organization_id IS DISTINCT FROM o.organization_id));
  RETURN NULL;
END $$;
CREATE TRIGGER affiliations_organizations_update AFTER UPDATE ON affiliations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION affiliations_organizations();

SELECT refresh_statement_organizations(NULL);
ANALYZE statement_organizations;
