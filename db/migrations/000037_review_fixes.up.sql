-- Three defects of migrations 000034 and 000035, which a review found,
-- each with a test that failed (db, db/search).
--
-- 1. Two writers adding names with the same new words could deadlock:
--    name_words' key made the second wait for the first's uncommitted
--    word, and the words were in order within a name, not within a
--    transaction (TestNameWordsNoDeadlock). The words are now added
--    without a key, where none is yet: a word two writers add at once is
--    there twice, which finds the same names.
ALTER TABLE name_words DROP CONSTRAINT name_words_pkey;
CREATE INDEX name_words_word_idx ON name_words (word);
CREATE OR REPLACE FUNCTION add_name_words(words text[]) RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO name_words (word) SELECT DISTINCT w FROM unnest(words) w
      WHERE NOT EXISTS (SELECT FROM name_words v WHERE v.word = w);
  END;

-- 2. A statement deleted while an organization it counts for moved, not
--    yet committed, stayed counted for the new ancestors: the deletion's
--    trigger read the statement's rows before taking any lock, then waited
--    for the organizations, and deleted what it had read
--    (TestReparentingWhileStatementDeleted). It now takes the members
--    table's lock first, as every other write of the rows does, so it
--    reads them once a re-parenting under way has committed.
CREATE OR REPLACE FUNCTION statements_members_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint[];
  o bigint[];
BEGIN
  LOCK TABLE organization_statement_members IN ROW EXCLUSIVE MODE;
  SELECT coalesce(array_agg(m.statement_id), '{}'), coalesce(array_agg(m.organization_id), '{}') INTO s, o
    FROM organization_statement_members m WHERE m.statement_id IN (SELECT r.id FROM old_rows r);
  PERFORM move_organization_statement_members(s, o, array_fill(-1, ARRAY[cardinality(s)]));
  RETURN NULL;
END $$;

-- 3. One UPDATE that moved an organization and one above it went wrong:
--    the row trigger of the lower one climbed from its old parent through
--    the parents the whole statement had left, so it missed ancestors lost
--    and gained (TestReparentingParentAndChildInOneStatement). A trigger
--    per statement now sees every organization the statement moved: one
--    moves by the ancestors it lost and gained (migration 000035's
--    function, reparent_by_ancestors); several (a deletion moving an
--    organization's children to the top, or any UPDATE of many) list the
--    statements of every moved subtree anew, as migration 000032 did. It
--    fires on every UPDATE of organizations (a trigger with transition
--    tables cannot name columns) and returns at once when no parent
--    changed: the counts' own updates.
DROP TRIGGER organization_parent_total ON organizations;
DROP FUNCTION organization_parent_total();

CREATE FUNCTION reparent_by_ancestors(moved_id bigint, old_parent bigint, new_parent bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s bigint[];
  o bigint[];
  d int[];
BEGIN
  WITH RECURSIVE
    tree(id) AS (
      SELECT moved_id UNION SELECT c.id FROM tree t JOIN organizations c ON c.parent_id = t.id),
    -- Above the old parent and above the new one (neither is in the
    -- subtree, so the moved row changes neither chain).
    above_old(id) AS (
      SELECT old_parent WHERE old_parent IS NOT NULL
      UNION SELECT p.parent_id FROM above_old a JOIN organizations p ON p.id = a.id WHERE p.parent_id IS NOT NULL),
    above_new(id) AS (
      SELECT new_parent WHERE new_parent IS NOT NULL
      UNION SELECT p.parent_id FROM above_new a JOIN organizations p ON p.id = a.id WHERE p.parent_id IS NOT NULL),
    lost(id) AS (SELECT id FROM above_old EXCEPT SELECT id FROM above_new),
    gained(id) AS (SELECT id FROM above_new EXCEPT SELECT id FROM above_old),
    moved(statement_id) AS MATERIALIZED (
      SELECT st.id FROM statements st WHERE st.speaker_organization_id IN (SELECT id FROM tree)
      UNION SELECT sa.statement_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IN (SELECT id FROM tree)),
    -- What keeps a moved statement counted for an ancestor lost: its
    -- organizations outside the subtree and those above them, and the
    -- organization that spoke it. Only looked for when an ancestor is
    -- lost, each statement read once.
    speakers AS MATERIALIZED (
      SELECT st.id, st.speaker_organization_id, CASE WHEN st.speaker_kind = 'organization' THEN st.speaker_id END AS spoken_by
        FROM statements st WHERE EXISTS (SELECT FROM lost) AND st.id IN (SELECT statement_id FROM moved)),
    outside(statement_id, organization_id) AS (
      SELECT sp.id, sp.speaker_organization_id FROM speakers sp WHERE sp.speaker_organization_id NOT IN (SELECT id FROM tree)
      UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id
        WHERE EXISTS (SELECT FROM lost) AND sa.statement_id IN (SELECT statement_id FROM moved)
          AND af.organization_id NOT IN (SELECT id FROM tree)),
    outside_up(statement_id, organization_id) AS (
      SELECT * FROM outside
      UNION SELECT u.statement_id, p.parent_id FROM outside_up u JOIN organizations p ON p.id = u.organization_id
        WHERE p.parent_id IS NOT NULL),
    kept(statement_id, organization_id) AS (
      SELECT * FROM outside_up
      UNION SELECT sp.id, sp.spoken_by FROM speakers sp WHERE sp.spoken_by IS NOT NULL),
    changes(statement_id, organization_id, delta) AS (
      SELECT m.statement_id, l.id, -1 FROM moved m CROSS JOIN lost l
        WHERE NOT EXISTS (SELECT FROM kept k WHERE k.statement_id = m.statement_id AND k.organization_id = l.id)
      UNION ALL SELECT m.statement_id, g.id, 1 FROM moved m CROSS JOIN gained g)
  SELECT coalesce(array_agg(c.statement_id), '{}'), coalesce(array_agg(c.organization_id), '{}'), coalesce(array_agg(c.delta), '{}')
    INTO s, o, d FROM changes c;
  PERFORM move_organization_statement_members(s, o, d);
END $$;

CREATE FUNCTION organization_parents_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved bigint[];
  r record;
BEGIN
  SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.parent_id IS DISTINCT FROM o.parent_id;
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  -- No other write lists statements anew until this one commits, and
  -- those under way finish first (migration 000035's header).
  LOCK TABLE organization_statement_members IN SHARE ROW EXCLUSIVE MODE;
  IF cardinality(moved) = 1 THEN
    SELECT n.id, o.parent_id AS old_parent, n.parent_id AS new_parent INTO r
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.id = moved[1];
    PERFORM reparent_by_ancestors(r.id, r.old_parent, r.new_parent);
  ELSE
    PERFORM refresh_organization_statement_members(ARRAY(
      WITH RECURSIVE tree(id) AS (
          SELECT unnest(moved) UNION SELECT c.id FROM tree t JOIN organizations c ON c.parent_id = t.id)
      SELECT st.id FROM statements st WHERE st.speaker_organization_id IN (SELECT id FROM tree)
      UNION SELECT sa.statement_id FROM statement_affiliations sa
        JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IN (SELECT id FROM tree)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER organization_parents_moved AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_parents_moved();
