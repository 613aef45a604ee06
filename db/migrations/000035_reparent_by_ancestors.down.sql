-- Migration 000032's re-parenting: every statement of the subtree listed anew.
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
