DROP TABLE IF EXISTS
  evidence, event_topics, agreement_topics, figure_topics, statement_topics, article_topics,
  figures, statement_mentions, statement_affiliations, statements,
  agreement_projects, agreement_places, agreement_parties, agreements,
  projects, event_participants, events, credits, paragraphs, articles,
  affiliations, people, organizations, places, topics, entities;
DROP FUNCTION IF EXISTS evidence_matches_paragraph();
DROP FUNCTION IF EXISTS partial_date_json(smallint, smallint, smallint, date_precision, text, date_part[], text);
DROP FUNCTION IF EXISTS partial_date_range(smallint, smallint, smallint);
DROP FUNCTION IF EXISTS partial_date_ok(smallint, smallint, smallint, date_precision, text);
DROP TYPE IF EXISTS
  figure_unit, statement_mode, reporting_verb, party_role, agreement_status, agreement_kind,
  project_status, project_kind, participant_role, event_kind, credit_role, paragraph_kind,
  organization_kind, place_kind, entity_kind, date_precision, date_part;
