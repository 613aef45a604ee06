-- An agreement whose text gives no kind (a bare "the RCEP") keeps it unset in
-- its document; the database stores it as 'unspecified' rather than a guess.
ALTER TYPE agreement_kind ADD VALUE IF NOT EXISTS 'unspecified';
