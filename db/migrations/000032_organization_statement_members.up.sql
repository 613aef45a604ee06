-- organizations.subtree_statement_count (migration 000031) kept by deltas
-- instead of recounts. 000031's triggers counted anew every organization a
-- write touched, with all those above it: a statement moved between the
-- two largest organizations of the 100,000-article corpus cost 100 ms of
-- PostgreSQL's CPU, in proportion to their statements. Now each statement
-- lists the organizations it counts for, and the counts change by what a
-- write adds to that list or takes from it: a write costs its own size.

-- The organizations whose subtree count a statement is in: the
-- organization that speaks it (that one alone), and the organization its
-- unnamed speaker spoke for and those of the affiliations its role refers
-- to, with every organization above them; each pair once.
CREATE TABLE organization_statement_members (
  statement_id    bigint NOT NULL,
  organization_id bigint NOT NULL,
  PRIMARY KEY (statement_id, organization_id)
);
-- No foreign keys. A deleted statement's rows are deleted by the trigger
-- below (a key's check of every row written cost a re-parenting of 54,000
-- statements a quarter of its time); an organization that counts a
-- statement cannot be deleted (its statements, affiliations and children
-- each restrict that).

CREATE TRIGGER organization_statement_members_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization_statement_members
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change();

-- move_organization_statement_members adds the rows whose delta is 1 and
-- takes away those whose delta is -1, and moves the counts by as much. It
-- first locks every organization whose count moves, in the order of their
-- ids, all at once: two writes that touch the same organizations wait for
-- each other instead of deadlocking. Every change of the rows goes
-- through here, and the counts move by what it did, so they are always
-- the rows'.
CREATE FUNCTION move_organization_statement_members(statement_ids bigint[], organization_ids bigint[], deltas int[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(statement_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM organizations o WHERE o.id = ANY(organization_ids) ORDER BY o.id FOR NO KEY UPDATE;
  -- The counts move by the rows actually taken away and added, not by
  -- those asked for.
  WITH gone AS (
      DELETE FROM organization_statement_members m USING unnest(statement_ids, organization_ids, deltas) c(s, o, d)
      WHERE c.d < 0 AND m.statement_id = c.s AND m.organization_id = c.o
      RETURNING m.organization_id),
    added AS (
      INSERT INTO organization_statement_members (statement_id, organization_id)
      SELECT c.s, c.o FROM unnest(statement_ids, organization_ids, deltas) c(s, o, d) WHERE c.d > 0
      ON CONFLICT DO NOTHING
      RETURNING organization_id),
    moved(id, n) AS (
      SELECT x.id, sum(x.d)::int FROM (
          SELECT g.organization_id, -1 FROM gone g UNION ALL SELECT a.organization_id, 1 FROM added a) x(id, d)
      GROUP BY 1 HAVING sum(x.d) <> 0)
  UPDATE organizations o SET subtree_statement_count = o.subtree_statement_count + moved.n
    FROM moved WHERE o.id = moved.id;
END $$;

-- A deleted statement's rows go with it (and, with them, its counts). A
-- deletion's cascades may list its organizations anew first or after
-- (000020's refresh, from its affiliations): either way each row is
-- deleted once.
CREATE FUNCTION statements_members_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint[];
  o bigint[];
BEGIN
  SELECT coalesce(array_agg(m.statement_id), '{}'), coalesce(array_agg(m.organization_id), '{}') INTO s, o
    FROM organization_statement_members m WHERE m.statement_id IN (SELECT r.id FROM old_rows r);
  PERFORM move_organization_statement_members(s, o, array_fill(-1, ARRAY[cardinality(s)]));
  RETURN NULL;
END $$;
CREATE TRIGGER statements_members_delete AFTER DELETE ON statements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_members_deleted();

-- refresh_organization_statement_members lists anew the organizations of
-- the statements ids names; rows that stay are left alone. NULL: of every
-- statement, then every organization counted anew (this migration, and a
-- bulk load that sets the triggers aside, bench/corpus).
CREATE FUNCTION refresh_organization_statement_members(ids bigint[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  s bigint[];
  o bigint[];
  d int[];
BEGIN
  IF ids IS NULL THEN
    TRUNCATE organization_statement_members;
    INSERT INTO organization_statement_members (statement_id, organization_id)
      WITH RECURSIVE up(org, above) AS (
          SELECT o.id, o.id FROM organizations o
          UNION SELECT up.org, o.parent_id FROM up JOIN organizations o ON o.id = up.above WHERE o.parent_id IS NOT NULL)
      SELECT s.id, s.speaker_id FROM statements s WHERE s.speaker_kind = 'organization'
      UNION SELECT s.id, up.above FROM statements s JOIN up ON up.org = s.speaker_organization_id
      UNION SELECT sa.statement_id, up.above FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id JOIN up ON up.org = af.organization_id;
    PERFORM refresh_organization_statement_totals(NULL);
    RETURN;
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Waits for a re-parenting under way (below), then for any other write
  -- that lists these statements anew: each statement is listed by one
  -- write at a time, and the statements after these locks see what the
  -- writes before committed (read committed: a fresh snapshot each).
  LOCK TABLE organization_statement_members IN ROW EXCLUSIVE MODE;
  PERFORM 1 FROM statements st WHERE st.id = ANY(ids) ORDER BY st.id FOR NO KEY UPDATE;
  -- The organizations each statement reaches (whether those above them
  -- count it too), climbed by all the statements at once (a re-parenting
  -- lists thousands anew), against the rows they have.
  WITH RECURSIVE reached(statement_id, organization_id, climbs) AS (
      SELECT st.id, x.organization_id, x.climbs FROM statements st
        CROSS JOIN LATERAL (VALUES (CASE WHEN st.speaker_kind = 'organization' THEN st.speaker_id END, false),
          (st.speaker_organization_id, true)) x(organization_id, climbs)
        WHERE st.id = ANY(ids) AND x.organization_id IS NOT NULL
      UNION SELECT sa.statement_id, af.organization_id, true FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE sa.statement_id = ANY(ids) AND af.organization_id IS NOT NULL),
    up(statement_id, organization_id) AS (
      SELECT r.statement_id, r.organization_id FROM reached r WHERE r.climbs
      UNION SELECT up.statement_id, og.parent_id FROM up JOIN organizations og ON og.id = up.organization_id WHERE og.parent_id IS NOT NULL),
    wanted(statement_id, organization_id) AS (
      SELECT r.statement_id, r.organization_id FROM reached r WHERE NOT r.climbs
      UNION SELECT up.statement_id, up.organization_id FROM up),
    had AS MATERIALIZED (
      SELECT m.statement_id, m.organization_id FROM organization_statement_members m WHERE m.statement_id = ANY(ids)),
    changes(statement_id, organization_id, delta) AS (
      SELECT g.*, -1 FROM (SELECT * FROM had EXCEPT SELECT * FROM wanted) g
      UNION ALL SELECT a.*, 1 FROM (SELECT * FROM wanted EXCEPT SELECT * FROM had) a)
  SELECT coalesce(array_agg(c.statement_id), '{}'), coalesce(array_agg(c.organization_id), '{}'), coalesce(array_agg(c.delta), '{}')
    INTO s, o, d FROM changes c;
  PERFORM move_organization_statement_members(s, o, d);
END $$;

-- refresh_organization_statement_totals: NULL counts every organization
-- anew from its members; ids are no longer counted one by one
-- (move_organization_statement_members keeps them), so a list is ignored.
CREATE OR REPLACE FUNCTION refresh_organization_statement_totals(ids bigint[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF ids IS NULL THEN
    UPDATE organizations x SET subtree_statement_count = coalesce(c.n, 0)
      FROM organizations o LEFT JOIN (
        SELECT m.organization_id AS id, count(*)::int AS n FROM organization_statement_members m GROUP BY 1) c ON c.id = o.id
      WHERE x.id = o.id AND x.subtree_statement_count <> coalesce(c.n, 0);
  END IF;
END $$;

-- The statements whose organizations change are those migration 000020
-- lists the organizations of anew (a speaker changed; a role's
-- affiliations, or an affiliation's organization, changed): the members
-- follow the same writes. Its body is 000020's, with the members' refresh
-- at the end.
CREATE OR REPLACE FUNCTION refresh_statement_organizations(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL THEN
    DELETE FROM statement_organizations;
    INSERT INTO statement_organizations (statement_id, organization_id)
      SELECT s.id, s.speaker_id FROM statements s WHERE s.speaker_kind = 'organization'
      UNION SELECT s.id, s.speaker_organization_id FROM statements s WHERE s.speaker_organization_id IS NOT NULL
      UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IS NOT NULL;
    PERFORM refresh_organization_statement_members(NULL);
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
  PERFORM refresh_organization_statement_members(ids);
END $$;

-- 000031's recounts on statements, their affiliations and an affiliation's
-- organization give way to the members.
DROP TRIGGER statements_organization_totals_insert ON statements;
DROP TRIGGER statements_organization_totals_update ON statements;
DROP TRIGGER statements_organization_totals_delete ON statements;
DROP TRIGGER statement_affiliations_organization_totals_insert ON statement_affiliations;
DROP TRIGGER statement_affiliations_organization_totals_update ON statement_affiliations;
DROP TRIGGER statement_affiliations_organization_totals_delete ON statement_affiliations;
DROP TRIGGER affiliation_organization_total ON affiliations;
DROP FUNCTION statements_organization_totals();
DROP FUNCTION statement_affiliations_organization_totals();
DROP FUNCTION affiliation_organization_total();

-- An organization moved under another parent: the statements that count
-- for it through those above it (an unnamed speaker's or an affiliation's
-- organization in its subtree) are listed anew. Its own spoken statements
-- count for it alone, and stay.
CREATE OR REPLACE FUNCTION organization_parent_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- No other write lists statements anew until this one commits, and
  -- those under way finish first: the statements below are found, and
  -- listed, with what they committed, and a write that comes after sees
  -- the new parent. (A write under way that waits for this organization's
  -- row, which this write holds, is a deadlock PostgreSQL breaks by
  -- failing one of the two.)
  LOCK TABLE organization_statement_members IN SHARE ROW EXCLUSIVE MODE;
  PERFORM refresh_organization_statement_members(ARRAY(
    WITH RECURSIVE tree(id) AS (
        SELECT NEW.id UNION SELECT o.id FROM tree t JOIN organizations o ON o.parent_id = t.id)
    SELECT s.id FROM statements s WHERE s.speaker_organization_id IN (SELECT id FROM tree)
    UNION SELECT sa.statement_id FROM statement_affiliations sa
      JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IN (SELECT id FROM tree)));
  RETURN NULL;
END $$;

SELECT refresh_organization_statement_members(NULL);
ANALYZE organization_statement_members;
