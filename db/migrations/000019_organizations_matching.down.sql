DROP FUNCTION IF EXISTS organizations_matching(text);
