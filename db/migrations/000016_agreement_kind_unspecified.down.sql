-- PostgreSQL cannot drop one value of an enum: rebuild the type without it.
-- Refuse rather than guess a kind for the agreements that have none.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM agreements WHERE agreement_kind::text = 'unspecified') THEN
    RAISE EXCEPTION 'agreements of unspecified kind exist; give them a kind before migrating down';
  END IF;
END $$;

ALTER TYPE agreement_kind RENAME TO agreement_kind_with_unspecified;
CREATE TYPE agreement_kind AS ENUM (
  'joint_statement', 'signed_agreement', 'cooperation_model', 'initiative', 'framework', 'commitment', 'policy'
);
ALTER TABLE agreements ALTER COLUMN agreement_kind TYPE agreement_kind
  USING agreement_kind::text::agreement_kind;
DROP TYPE agreement_kind_with_unspecified;
