DROP INDEX IF EXISTS statements_claim_idx;
DROP FUNCTION IF EXISTS claim_text(text);
DROP INDEX IF EXISTS figures_claim_idx;
DROP FUNCTION IF EXISTS figure_claim_month(smallint);
