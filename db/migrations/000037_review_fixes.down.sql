DROP TRIGGER organization_parents_moved ON organizations;
DROP FUNCTION organization_parents_moved();
DROP FUNCTION reparent_by_ancestors(bigint, bigint, bigint);
CREATE FUNCTION organization_parent_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint[];
  o bigint[];
  d int[];
BEGIN
  LOCK TABLE organization_statement_members IN SHARE ROW EXCLUSIVE MODE;
  WITH RECURSIVE
    tree(id) AS (
      SELECT NEW.id UNION SELECT c.id FROM tree t JOIN organizations c ON c.parent_id = t.id),
    -- Above the old parent and above the new one (neither is in the
    -- subtree, so the moved row changes neither chain).
    above_old(id) AS (
      SELECT OLD.parent_id WHERE OLD.parent_id IS NOT NULL
      UNION SELECT p.parent_id FROM above_old a JOIN organizations p ON p.id = a.id WHERE p.parent_id IS NOT NULL),
    above_new(id) AS (
      SELECT NEW.parent_id WHERE NEW.parent_id IS NOT NULL
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
  RETURN NULL;
END $$;
CREATE TRIGGER organization_parent_total AFTER UPDATE OF parent_id ON organizations
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION organization_parent_total();

CREATE OR REPLACE FUNCTION statements_members_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint[];
  o bigint[];
BEGIN
  SELECT coalesce(array_agg(m.statement_id), '{}'), coalesce(array_agg(m.organization_id), '{}') INTO s, o
    FROM organization_statement_members m WHERE m.statement_id IN (SELECT r.id FROM old_rows r);
  PERFORM move_organization_statement_members(s, o, array_fill(-1, ARRAY[cardinality(s)]));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION add_name_words(words text[]) RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO name_words (word) SELECT DISTINCT w FROM unnest(words) w ORDER BY w ON CONFLICT (word) DO NOTHING;
  END;
DROP INDEX name_words_word_idx;
DELETE FROM name_words a USING name_words b WHERE a.word = b.word AND a.ctid > b.ctid;
ALTER TABLE name_words ADD PRIMARY KEY (word);
