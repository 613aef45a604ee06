-- An organization moved under another parent moves the members of
-- migration 000032 by the organizations above it that it lost and gained,
-- instead of listing every statement of its subtree anew. Those
-- statements are the ones that count for it through an unnamed speaker's
-- or an affiliation's organization in its subtree (its own spoken
-- statements count for it alone, and stay). Each of them now counts for
-- the ancestors gained, and no longer for those lost, unless it still
-- reaches one through an organization outside the subtree, or one spoke
-- it.
--
-- Listing the statements anew climbed every statement's organizations
-- and locked every statement's row against the other writes that list
-- them (about 0.5 s of it). The largest organization at 100,000 articles
-- (54,032 statements) took 1.4 to 1.9 s to move under another and 1.0 s
-- to move back to the top; now 0.6 and 0.75 s. The lock on the members
-- table (SHARE ROW EXCLUSIVE, as before) is all it needs to keep those
-- writes out: each of them takes ROW EXCLUSIVE on it first. A write that
-- changed a statement of the subtree and has not taken that lock yet
-- lists its statement anew after this one commits, seeing the new
-- parent; a write that changes a statement's words only no longer holds
-- the re-parenting up.
CREATE OR REPLACE FUNCTION organization_parent_total() RETURNS trigger LANGUAGE plpgsql AS $$
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
