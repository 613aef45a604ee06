-- Back to migration 000031's recounts: the members and their triggers go,
-- 000020's refresh loses the members' step, and 000031's functions and
-- triggers come back as it wrote them.
DROP TRIGGER statements_members_delete ON statements;
DROP FUNCTION statements_members_deleted();
DROP TABLE organization_statement_members;
DROP FUNCTION move_organization_statement_members(bigint[], bigint[], int[]);
DROP FUNCTION refresh_organization_statement_members(bigint[]);

CREATE OR REPLACE FUNCTION refresh_statement_organizations(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
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


-- refresh_organization_statement_totals counts anew the statements of the
-- organizations ids names (NULL: of every organization, for this migration
-- and for a bulk load that sets the triggers below aside, bench/corpus).
-- Counts that stay are left alone. Without JIT, as the server's
-- connections run (db/pg): the statement's estimated cost, for a
-- millisecond's work, passes jit_above_cost, and compiling it took 40 ms of
-- every write in a session with JIT on.
CREATE OR REPLACE FUNCTION refresh_organization_statement_totals(ids bigint[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF ids IS NULL THEN
    -- Every organization at once: each statement's organizations and all
    -- those above them, each pair once.
    UPDATE organizations x SET subtree_statement_count = coalesce(c.n, 0)
      FROM organizations o LEFT JOIN (
        WITH RECURSIVE up(org, above) AS (
            SELECT o.id, o.id FROM organizations o
            UNION SELECT up.org, o.parent_id FROM up JOIN organizations o ON o.id = up.above WHERE o.parent_id IS NOT NULL),
          members(org, statement_id) AS (
            SELECT s.speaker_id, s.id FROM statements s WHERE s.speaker_kind = 'organization'
            UNION SELECT up.above, s.id FROM statements s JOIN up ON up.org = s.speaker_organization_id
            UNION SELECT up.above, sa.statement_id FROM statement_affiliations sa
              JOIN affiliations af ON af.id = sa.affiliation_id JOIN up ON up.org = af.organization_id)
        SELECT m.org, count(*)::int AS n FROM members m GROUP BY m.org) c ON c.org = o.id
      WHERE x.id = o.id AND x.subtree_statement_count <> coalesce(c.n, 0);
    RETURN;
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- The organizations asked for, each from its subtree, as
  -- db.OrganizationStatements lists them.
  UPDATE organizations x SET subtree_statement_count = c.n
    FROM (
      WITH RECURSIVE tree(root, id) AS (
          SELECT o.id, o.id FROM organizations o WHERE o.id = ANY(ids)
          UNION SELECT t.root, o.id FROM tree t JOIN organizations o ON o.parent_id = t.id),
        subtrees(root, ids) AS (SELECT t.root, array_agg(t.id) FROM tree t GROUP BY t.root)
      SELECT st.root AS id, (SELECT count(*)::int FROM (
          SELECT s.id FROM statements s WHERE s.speaker_id = st.root
          UNION SELECT s.id FROM statements s WHERE s.speaker_organization_id = ANY(st.ids)
          UNION SELECT sa.statement_id FROM statement_affiliations sa
            WHERE sa.affiliation_id = ANY(ARRAY(SELECT af.id FROM affiliations af WHERE af.organization_id = ANY(st.ids)))) m) AS n
      FROM subtrees st) c
    WHERE x.id = c.id AND x.subtree_statement_count <> c.n;
END $$;

-- The triggers find the organizations a write may change the count of,
-- before and after it, and count them anew: per statement, not per row (a
-- COPY or a re-import counts each organization once per table written).
-- A statement counts for the organization that speaks it, and for the
-- organization its unnamed speaker spoke for and those of its
-- affiliations, with every organization above them.
CREATE FUNCTION statements_organization_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_organization_statement_totals(
      ARRAY(SELECT n.speaker_id FROM new_rows n WHERE n.speaker_kind = 'organization')
      || organization_lineage(ARRAY(SELECT n.speaker_organization_id FROM new_rows n)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_organization_statement_totals(
      ARRAY(SELECT o.speaker_id FROM old_rows o WHERE o.speaker_kind = 'organization')
      || organization_lineage(ARRAY(SELECT o.speaker_organization_id FROM old_rows o)));
  ELSE
    PERFORM refresh_organization_statement_totals(ARRAY(
      SELECT DISTINCT x FROM (
        SELECT n.speaker_id, n.speaker_kind, n.speaker_organization_id, o.speaker_id, o.speaker_kind, o.speaker_organization_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.speaker_id, n.speaker_organization_id) IS DISTINCT FROM (o.speaker_id, o.speaker_organization_id)
      ) c(nid, nkind, norg, oid, okind, oorg)
      CROSS JOIN LATERAL (
        SELECT c.nid WHERE c.nkind = 'organization' UNION SELECT c.oid WHERE c.okind = 'organization'
        UNION SELECT unnest(organization_lineage(ARRAY[c.norg, c.oorg]))) x(x)
      WHERE x IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER statements_organization_totals_insert AFTER INSERT ON statements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_organization_totals();
CREATE TRIGGER statements_organization_totals_update AFTER UPDATE ON statements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_organization_totals();
CREATE TRIGGER statements_organization_totals_delete AFTER DELETE ON statements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_organization_totals();

-- A statement's affiliations added, changed or taken away (a deleted
-- statement's go by cascade and are counted here).
CREATE FUNCTION statement_affiliations_organization_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_organization_statement_totals(organization_lineage(ARRAY(
      SELECT af.organization_id FROM affiliations af WHERE af.id IN (SELECT n.affiliation_id FROM new_rows n))));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_organization_statement_totals(organization_lineage(ARRAY(
      SELECT af.organization_id FROM affiliations af WHERE af.id IN (SELECT o.affiliation_id FROM old_rows o))));
  ELSE
    PERFORM refresh_organization_statement_totals(organization_lineage(ARRAY(
      SELECT af.organization_id FROM affiliations af
      WHERE af.id IN (SELECT n.affiliation_id FROM new_rows n UNION SELECT o.affiliation_id FROM old_rows o))));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER statement_affiliations_organization_totals_insert AFTER INSERT ON statement_affiliations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organization_totals();
CREATE TRIGGER statement_affiliations_organization_totals_update AFTER UPDATE ON statement_affiliations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organization_totals();
CREATE TRIGGER statement_affiliations_organization_totals_delete AFTER DELETE ON statement_affiliations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statement_affiliations_organization_totals();

-- An affiliation that statements refer to and that changes its
-- organization (one that is referred to cannot be deleted; a new one is
-- referred to by nothing yet). Row by row, and only for that column: the
-- organization of an affiliation seldom changes.
CREATE FUNCTION affiliation_organization_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM statement_affiliations sa WHERE sa.affiliation_id = NEW.id) THEN
    PERFORM refresh_organization_statement_totals(organization_lineage(ARRAY[OLD.organization_id, NEW.organization_id]));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER affiliation_organization_total AFTER UPDATE OF organization_id ON affiliations
  FOR EACH ROW WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION affiliation_organization_total();

-- An organization moved under another parent: its old and new parents and
-- every organization above them (its own subtree, and so its count, stay).
-- One that is deleted has no statements, affiliations or children (each
-- restricts its deletion), so it counted for no one. Row by row, and only
-- for that column, as above (the counts' own updates do not fire it).
CREATE OR REPLACE FUNCTION organization_parent_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_organization_statement_totals(organization_lineage(ARRAY[OLD.parent_id, NEW.parent_id]));
  RETURN NULL;
END $$;

SELECT refresh_organization_statement_totals(NULL);
