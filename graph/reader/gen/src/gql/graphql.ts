/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date in ISO 8601 form, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /**
   * An exact decimal number, serialized as a string (`"5.1"`) so that no
   * precision is lost in JSON.
   */
  Decimal: { input: string; output: string; }
};

/**
 * A role a person holds, or held, as an article states it: at an organization
 * ("Director of the Macroeconomic Division"), or at a place when no organization
 * is named ("Chinese President").
 */
export type Affiliation = Node & {
  __typename?: 'Affiliation';
  /** The words that state the affiliation. */
  evidence: Array<Evidence>;
  /** Whether the person no longer holds the role ("former Minister"). */
  former: Scalars['Boolean']['output'];
  /** The affiliation's global ID. */
  id: Scalars['ID']['output'];
  /** The organization the role is at; null when the role is at a place. */
  organization?: Maybe<Organization>;
  /** The person. */
  person: Person;
  /** The place the role is at, when no organization is named. */
  place?: Maybe<Place>;
  /** The role, as the article words it; null when it names none ("Zhang Yan of the Institute ..."). */
  role?: Maybe<Scalars['String']['output']>;
};

/**
 * An agreement or cooperation framework: a joint statement, a signed agreement,
 * a cooperation model ("Two Countries, Twin Parks"), a named initiative (the
 * Belt and Road Initiative) or policy.
 */
export type Agreement = Entity & Node & {
  __typename?: 'Agreement';
  /** The articles that name the agreement, newest first. */
  articles: ArticleConnection;
  /** When it was issued or signed, as the article words it; null when it does not say. */
  date?: Maybe<PartialDate>;
  /** The words that state it, across articles. */
  evidence: Array<Evidence>;
  /** Figures about this agreement: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The agreement's global ID. */
  id: Scalars['ID']['output'];
  /** What sort of agreement it is; UNSPECIFIED when the articles do not say. */
  kind: AgreementKind;
  /** Where one article names the agreement: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The agreement's name. */
  name: Scalars['String']['output'];
  /** The agreement this one is part of (a commitment inside a joint statement). */
  parent?: Maybe<Agreement>;
  /** The countries, organizations or people party to it, in the order the article gives. */
  parties: Array<AgreementParty>;
  /** The agreements that are part of this one. */
  parts: Array<Agreement>;
  /** The places it involves. */
  places: Array<Place>;
  /** The projects it involves. */
  projects: Array<Project>;
  /** The agreement's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** Where it stands; null when the articles do not say. */
  status?: Maybe<AgreementStatus>;
  /** What it says or sets out, in the articles' words. */
  summary?: Maybe<Scalars['String']['output']>;
  /** The topics it focuses on. */
  topics: Array<Topic>;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/**
 * An agreement or cooperation framework: a joint statement, a signed agreement,
 * a cooperation model ("Two Countries, Twin Parks"), a named initiative (the
 * Belt and Road Initiative) or policy.
 */
export type AgreementArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/**
 * An agreement or cooperation framework: a joint statement, a signed agreement,
 * a cooperation model ("Two Countries, Twin Parks"), a named initiative (the
 * Belt and Road Initiative) or policy.
 */
export type AgreementFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/**
 * An agreement or cooperation framework: a joint statement, a signed agreement,
 * a cooperation model ("Two Countries, Twin Parks"), a named initiative (the
 * Belt and Road Initiative) or policy.
 */
export type AgreementMentionsArgs = {
  article: Scalars['ID']['input'];
};

/** A page of agreements. */
export type AgreementConnection = {
  __typename?: 'AgreementConnection';
  /** The agreements of this page with their cursors. */
  edges: Array<AgreementEdge>;
  /**
   * Counts the agreements the connection selects (a root connection's
   * filter; a nested one's parent and filter), grouped by one or two
   * dimensions; see `StatementConnection.groups`.
   */
  groups: Array<Group>;
  /** The agreements of this page. */
  nodes: Array<Agreement>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many agreements match, on all pages. */
  totalCount: Scalars['Int']['output'];
};


/** A page of agreements. */
export type AgreementConnectionGroupsArgs = {
  by: Array<AgreementDimension>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<GroupOrder>;
};

/** What agreements can be grouped by. */
export type AgreementDimension =
  /** The articles that name it. */
  | 'ARTICLE'
  /** The countries of its parties (countries, places in them, their organizations) and of the places it concerns. */
  | 'COUNTRY'
  /** Its kind (`JOINT_STATEMENT`). */
  | 'KIND'
  /** The month of its date. */
  | 'MONTH'
  /** Its parties. */
  | 'PARTY'
  /** Its status. */
  | 'STATUS'
  /** The topics it focuses on (each topic on its own, not its broader topics). */
  | 'TOPIC'
  /** The year of its date. */
  | 'YEAR';

/** An agreement in a page, with its cursor. */
export type AgreementEdge = {
  __typename?: 'AgreementEdge';
  /** Pass to `after` or `before` to page from this agreement. */
  cursor: Scalars['String']['output'];
  /** The agreement. */
  node: Agreement;
};

/** The fields of an agreement. In an update, fields left out keep their stored values; null clears an optional one. */
export type AgreementFields = {
  /** When it was made. */
  date?: InputMaybe<PartialDateInput>;
  /** What kind of agreement it is (required). */
  kind?: InputMaybe<AgreementKind>;
  /** Its name (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The agreement it is part of. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Its parties, in order. */
  parties?: InputMaybe<Array<AgreementPartyInput>>;
  /** Places it concerns. */
  places?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Projects it covers. */
  projects?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** How far it has got. */
  status?: InputMaybe<AgreementStatus>;
  /** A one-line summary; at most 10,000 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Topics it is about. */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Selects agreements. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type AgreementFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<AgreementFilter>>;
  /** Dated within this range (a partly known date matches when its period overlaps). */
  date?: InputMaybe<DateRange>;
  /** Of any of these kinds. */
  kinds?: InputMaybe<Array<AgreementKind>>;
  /** Does not match this filter. */
  not?: InputMaybe<AgreementFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<AgreementFilter>>;
  /** With any of these parties (countries, organizations or people). */
  parties?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** With any of these statuses. */
  statuses?: InputMaybe<Array<AgreementStatus>>;
  /** Full-text search over the name and summary; at most 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Focused on any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** What sort of agreement it is. */
export type AgreementKind =
  /** A commitment, usually part of a larger agreement. */
  | 'COMMITMENT'
  /** A model of cooperation. */
  | 'COOPERATION_MODEL'
  /** A broader framework of relations. */
  | 'FRAMEWORK'
  /** A named initiative, such as the Belt and Road Initiative. */
  | 'INITIATIVE'
  /** A joint statement issued by two or more parties. */
  | 'JOINT_STATEMENT'
  /** A national policy or strategy. */
  | 'POLICY'
  /** A signed agreement. */
  | 'SIGNED_AGREEMENT'
  /** The articles do not say what sort it is (a bare name such as "the RCEP"). */
  | 'UNSPECIFIED';

/** Orders agreements. */
export type AgreementOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: AgreementOrderField;
};

/** What agreements can be ordered by. */
export type AgreementOrderField =
  /** The date; undated agreements come last. */
  | 'DATE'
  /** The name. */
  | 'NAME'
  /** The publication date of the most recent article that names the agreement (when it was last reported); agreements no dated article names come last. */
  | 'PUBLISHED'
  /** How many statements name the agreement. */
  | 'STATEMENTS';

/** A party to an agreement. */
export type AgreementParty = {
  __typename?: 'AgreementParty';
  /** The party: a country, an organization or a person. */
  entity: Entity;
  /** The party's role. */
  role: PartyRole;
};

/** A party to an agreement. */
export type AgreementPartyInput = {
  /** A country, organization or person. */
  entity: Scalars['ID']['input'];
  /** How it takes part. */
  role: PartyRole;
};

/** The result of createAgreement or updateAgreement. */
export type AgreementPayload = {
  __typename?: 'AgreementPayload';
  /** The agreement as stored; null when there are userErrors. */
  agreement?: Maybe<Agreement>;
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** Where an agreement stands. */
export type AgreementStatus =
  /** Agreed. */
  | 'AGREED'
  /** Announced. */
  | 'ANNOUNCED'
  /** Established and working. */
  | 'ESTABLISHED'
  /** In force. */
  | 'IN_FORCE'
  /** Issued (a statement). */
  | 'ISSUED'
  /** Proposed. */
  | 'PROPOSED'
  /** Signed. */
  | 'SIGNED';

/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type Article = Node & {
  __typename?: 'Article';
  /** The agreements and frameworks the article names, by name. */
  agreements: AgreementConnection;
  /** The people credited for the article: translator, editors, ... */
  credits: Array<Credit>;
  /** The events the article reports, by name. */
  events: EventConnection;
  /** The figures the article states, in reading order. */
  figures: FigureConnection;
  /** The article's global ID. */
  id: Scalars['ID']['output'];
  /** The article's language, as a BCP 47 tag (`en`). */
  language: Scalars['String']['output'];
  /** The standfirst paragraph that opens the article; null when it has none. */
  lede?: Maybe<Scalars['String']['output']>;
  /** The organizations the article names, by name. */
  organizations: OrganizationConnection;
  /** The article's paragraphs in reading order, title and dateline included. */
  paragraphs: Array<Paragraph>;
  /** The people the article names, by name. */
  people: PersonConnection;
  /** The places the article names, by name. */
  places: PlaceConnection;
  /** When the article was published, as it says; null when it does not say. */
  published?: Maybe<PartialDate>;
  /** The article's key, unique across articles. */
  slug: Scalars['String']['output'];
  /** The name of the file the verbatim text came from. */
  sourceFile: Scalars['String']['output'];
  /** The statements the article reports, in reading order. */
  statements: StatementConnection;
  /** The article's full source text, byte for byte. */
  text: Scalars['String']['output'];
  /** The headline; null when the article has none. */
  title?: Maybe<Scalars['String']['output']>;
  /** The topics the article is tagged with. */
  topics: Array<Topic>;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticleAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticleEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EventOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticleFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticleOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrganizationOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticlePeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PersonOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticlePlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PlaceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PlaceOrder>;
};


/** A news article: its verbatim text, split into paragraphs, and what was curated from it. */
export type ArticleStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<StatementOrder>;
};

/** A page of articles. */
export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  /** The articles of this page with their cursors. */
  edges: Array<ArticleEdge>;
  /** The articles of this page. */
  nodes: Array<Article>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many articles match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An article in a page, with its cursor. */
export type ArticleEdge = {
  __typename?: 'ArticleEdge';
  /** Pass to `after` or `before` to page from this article. */
  cursor: Scalars['String']['output'];
  /** The article. */
  node: Article;
};

/**
 * Selects articles. Fields combine with AND; `and`, `or` and `not` combine
 * whole filters. An ID that names nothing is an error, not an empty page.
 */
export type ArticleFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<ArticleFilter>>;
  /** Names any of these people, organizations, places, events, projects or agreements. */
  mentions?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Does not match this filter. */
  not?: InputMaybe<ArticleFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<ArticleFilter>>;
  /** Published within this range (an article whose date is only partly known matches when its period overlaps the range). */
  published?: InputMaybe<DateRange>;
  /** Full-text search over the title, lede and text (words, "phrases", -exclusions, OR); at most 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Tagged with any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Orders articles. */
export type ArticleOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: ArticleOrderField;
};

/** What articles can be ordered by. */
export type ArticleOrderField =
  /** The publication date; articles with no known date come last. */
  | 'PUBLISHED'
  /** The slug. */
  | 'SLUG'
  /** The headline; articles without one come first (ascending). */
  | 'TITLE';

/** One write recorded in the audit log. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What was done: `import_article`, `create_statement`, `update_person`, `delete_article`, ... */
  action: Scalars['String']['output'];
  /** Who made it: the API token's name, or the name `newsgraph import -as` was given. */
  actor: Scalars['String']['output'];
  /** When it was committed, in RFC 3339 form (`2026-04-18T09:30:00Z`). */
  at: Scalars['String']['output'];
  /** Details as a JSON object (the slug or key, what a delete cascaded to); null when none. */
  detail?: Maybe<Scalars['String']['output']>;
  /** The global ID of the row written, when it has one (a deleted row's too); null for writes with no single row. */
  target?: Maybe<Scalars['ID']['output']>;
  /** The type of row written: `article`, `statement`, `person`, ... */
  targetType: Scalars['String']['output'];
};

/** A page of the audit log. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries of this page with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** The entries of this page. */
  nodes: Array<AuditEntry>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many entries the log has. */
  totalCount: Scalars['Int']['output'];
};

/** An audit entry in a page, with its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass to `after` or `before` to page from this entry. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** A committed change. */
export type Change = {
  __typename?: 'Change';
  /** What happened. */
  action: ChangeAction;
  /** The global ID of what changed; a deleted object's too. */
  id: Scalars['ID']['output'];
  /** The object as it is now; null when it was deleted (or has been since). */
  node?: Maybe<Node>;
  /** What the change is to. */
  type: ChangeType;
};

/** What happened. */
export type ChangeAction =
  /** It was added. */
  | 'ADDED'
  /** It was deleted. */
  | 'DELETED'
  /** An article was imported or re-imported. */
  | 'IMPORTED'
  /** It was updated: its version rose. */
  | 'UPDATED';

/** What a change is to. */
export type ChangeType =
  /** An agreement. */
  | 'AGREEMENT'
  /** An article. */
  | 'ARTICLE'
  /** An event. */
  | 'EVENT'
  /** A figure. */
  | 'FIGURE'
  /** An organization. */
  | 'ORGANIZATION'
  /** A person. */
  | 'PERSON'
  /** A place. */
  | 'PLACE'
  /** A project. */
  | 'PROJECT'
  /** A statement. */
  | 'STATEMENT'
  /** A topic (created, updated or deleted through the API). */
  | 'TOPIC';

/** An agreement to add. */
export type CreateAgreementInput = {
  /** The agreement. */
  agreement: AgreementFields;
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Where an article names it. */
  mention?: InputMaybe<MentionInput>;
};

/** An event to add. */
export type CreateEventInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The event. */
  event: EventFields;
  /** Where an article names it. */
  mention?: InputMaybe<MentionInput>;
};

/** A figure to add. */
export type CreateFigureInput = {
  /** The article the figure is taken from. */
  article: Scalars['ID']['input'];
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The figure. */
  figure: FigureFields;
};

/** An organization to add. */
export type CreateOrganizationInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Where an article names it. */
  mention?: InputMaybe<MentionInput>;
  /** The organization. */
  organization: OrganizationFields;
};

/** A person to add. */
export type CreatePersonInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Where an article names them. */
  mention?: InputMaybe<MentionInput>;
  /** The person. */
  person: PersonFields;
};

/** A place to add. */
export type CreatePlaceInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Where an article names it. */
  mention?: InputMaybe<MentionInput>;
  /** The place. */
  place: PlaceFields;
};

/** A project to add. */
export type CreateProjectInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Where an article names it. */
  mention?: InputMaybe<MentionInput>;
  /** The project. */
  project: ProjectFields;
};

/** A statement to add. */
export type CreateStatementInput = {
  /** The article the statement is taken from. */
  article: Scalars['ID']['input'];
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The statement. */
  statement: StatementFields;
};

/** A topic to add. */
export type CreateTopicInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The topic. */
  topic: TopicFields;
};

/** A person credited for an article. */
export type Credit = {
  __typename?: 'Credit';
  /** The credit line's words. */
  evidence: Array<Evidence>;
  /** The person credited. */
  person: Person;
  /** What they are credited for. */
  role: CreditRole;
};

/** What a person is credited for. */
export type CreditRole =
  /** Wrote the article. */
  | 'AUTHOR'
  /** Edited the article. */
  | 'EDITOR'
  /** Took the photographs. */
  | 'PHOTOGRAPHER'
  /** Reported the story. */
  | 'REPORTER'
  /** Translated the article. */
  | 'TRANSLATOR';

/** A part of a date. */
export type DatePart =
  /** The day of the month. */
  | 'DAY'
  /** The month. */
  | 'MONTH'
  /** The year. */
  | 'YEAR';

/** How precisely a date is known. */
export type DatePrecision =
  /** The day is known. */
  | 'DAY'
  /** The month is known (and usually the year). */
  | 'MONTH'
  /** Only the year is known. */
  | 'YEAR';

/** An inclusive range of calendar dates; either end may be left open. */
export type DateRange = {
  /** The first day of the range. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** The last day of the range. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** An inclusive range of decimal values; either end may be left open. */
export type DecimalRange = {
  /** The largest value in the range. */
  max?: InputMaybe<Scalars['Decimal']['input']>;
  /** The smallest value in the range. */
  min?: InputMaybe<Scalars['Decimal']['input']>;
};

/** An item to delete. */
export type DeleteInput = {
  /** Also delete what cannot exist without the item, and clear optional references to it. */
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The item. */
  id: Scalars['ID']['input'];
  /** The version last read; when given and the item has changed since, the delete fails with CONFLICT. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of a delete. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** The IDs of the items deleted with it by `cascade`. */
  cascadedIds: Array<Scalars['ID']['output']>;
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The ID of the deleted item; null when there are userErrors. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** What is wrong with the input; empty when the delete succeeded. */
  userErrors: Array<UserError>;
};

/** One item of a draft, to preview and highlight before anything is stored. */
export type DraftItem = {
  __typename?: 'DraftItem';
  /** How sure the extractor is, from 0 to 1. */
  confidence: Scalars['Float']['output'];
  /** Where the text says it. */
  evidence: Array<DraftSpan>;
  /** Its slug (entities) or key (statements, figures) in the document. */
  key: Scalars['String']['output'];
  /** A label to show: a name, a speaker and what they said, a metric and its value. */
  label: Scalars['String']['output'];
  /** The rule that found it. */
  rule: Scalars['String']['output'];
  /** What it is: person, organization, place, event, agreement, statement or figure. */
  type: Scalars['String']['output'];
};

/** A span of the text: characters [start, end) of a paragraph, counted as importArticle counts them. */
export type DraftSpan = {
  __typename?: 'DraftSpan';
  /** The character after the last. */
  end: Scalars['Int']['output'];
  /** The paragraph, from 1 (every non-blank line is one). */
  paragraph: Scalars['Int']['output'];
  /** The first character, from 0. */
  start: Scalars['Int']['output'];
  /** The text of the span. */
  text: Scalars['String']['output'];
};

/**
 * Something the articles name, with a slug that identifies it across articles:
 * a person, organization, place, event, project or agreement.
 */
export type Entity = {
  /** The articles that name this entity, newest first. */
  articles: ArticleConnection;
  /** Figures about this entity: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The entity's global ID. */
  id: Scalars['ID']['output'];
  /** Where one article names this entity: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The entity's name, as the articles give it. */
  name: Scalars['String']['output'];
  /** The entity's curated, human-readable key, unique across all entities. */
  slug: Scalars['String']['output'];
};


/**
 * Something the articles name, with a slug that identifies it across articles:
 * a person, organization, place, event, project or agreement.
 */
export type EntityArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/**
 * Something the articles name, with a slug that identifies it across articles:
 * a person, organization, place, event, project or agreement.
 */
export type EntityFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/**
 * Something the articles name, with a slug that identifies it across articles:
 * a person, organization, place, event, project or agreement.
 */
export type EntityMentionsArgs = {
  article: Scalars['ID']['input'];
};

/** An event the articles report. */
export type Event = Entity & Node & {
  __typename?: 'Event';
  /** The articles that report the event, newest first. */
  articles: ArticleConnection;
  /** When it took place, as the article words it; null when it does not say. */
  date?: Maybe<PartialDate>;
  /** The words that describe the event, across articles. */
  evidence: Array<Evidence>;
  /** Figures about this event: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The event's global ID. */
  id: Scalars['ID']['output'];
  /** What sort of event it is. */
  kind: EventKind;
  /** Where one article names the event: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The event's name. */
  name: Scalars['String']['output'];
  /** The event this one was part of (a session's conference). */
  parent?: Maybe<Event>;
  /** Who took part, as the article describes them when it names no one. */
  participantDescription?: Maybe<Scalars['String']['output']>;
  /** The people, organizations and places that took part, and how. */
  participants: Array<EventParticipant>;
  /** Where it took place. */
  place?: Maybe<Place>;
  /** The events that were part of this one (a conference's sessions). */
  sessions: Array<Event>;
  /** The event's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** What the event was about, in the articles' words. */
  summary?: Maybe<Scalars['String']['output']>;
  /** The topics the event was about. */
  topics: Array<Topic>;
  /** The organization that hosted it. */
  venue?: Maybe<Organization>;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** An event the articles report. */
export type EventArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** An event the articles report. */
export type EventFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** An event the articles report. */
export type EventMentionsArgs = {
  article: Scalars['ID']['input'];
};

/** A page of events. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The events of this page with their cursors. */
  edges: Array<EventEdge>;
  /** The events of this page. */
  nodes: Array<Event>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many events match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An event in a page, with its cursor. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Pass to `after` or `before` to page from this event. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** The fields of an event. In an update, fields left out keep their stored values; null clears an optional one. */
export type EventFields = {
  /** When it took place. */
  date?: InputMaybe<PartialDateInput>;
  /** What kind of event it is (required). */
  kind?: InputMaybe<EventKind>;
  /** Its name (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The event it is a session of. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Who took part, as the article describes them; at most 10,000 characters. */
  participantDescription?: InputMaybe<Scalars['String']['input']>;
  /** Entities that took part. */
  participants?: InputMaybe<Array<EventParticipantInput>>;
  /** Where it took place. */
  place?: InputMaybe<Scalars['ID']['input']>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** A one-line summary; at most 10,000 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Topics it is about. */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The organization that hosted it. */
  venue?: InputMaybe<Scalars['ID']['input']>;
};

/** Selects events. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type EventFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<EventFilter>>;
  /** Dated within this range (a partly known date matches when its period overlaps). */
  date?: InputMaybe<DateRange>;
  /** Does not match this filter. */
  not?: InputMaybe<EventFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<EventFilter>>;
  /** At any of these places (or places within them). */
  places?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** About any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** What sort of event it is. */
export type EventKind =
  /** A conference or forum. */
  | 'CONFERENCE'
  /** A meeting. */
  | 'MEETING'
  /** A session of a larger event. */
  | 'SESSION'
  /** A signing ceremony. */
  | 'SIGNING'
  /** A state visit. */
  | 'STATE_VISIT';

/** Orders events. */
export type EventOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: EventOrderField;
};

/** What events can be ordered by. */
export type EventOrderField =
  /** The date; undated events come last. */
  | 'DATE'
  /** The name. */
  | 'NAME'
  /** How many statements name the event. */
  | 'STATEMENTS';

/** An entity taking part in an event. */
export type EventParticipant = {
  __typename?: 'EventParticipant';
  /** Who or what took part. */
  entity: Entity;
  /** How. */
  role: ParticipantRole;
};

/** An entity taking part in an event. */
export type EventParticipantInput = {
  /** A person, organization or place. */
  entity: Scalars['ID']['input'];
  /** How it takes part. */
  role: ParticipantRole;
};

/** The result of createEvent or updateEvent. */
export type EventPayload = {
  __typename?: 'EventPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The event as stored; null when there are userErrors. */
  event?: Maybe<Event>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/**
 * An exact span of an article's text that supports a fact. Offsets count
 * characters (Unicode code points) and are zero-based; `end` is exclusive, so
 * `paragraph.text` from `start` to `end` is exactly `text`. JavaScript indexes
 * strings in UTF-16 code units: use `startUtf16` and `endUtf16` there.
 */
export type Evidence = {
  __typename?: 'Evidence';
  /** The article the span is in. */
  article: Article;
  /** Where the span ends in the paragraph's text (exclusive). */
  end: Scalars['Int']['output'];
  /** Where the span ends in the paragraph's text (exclusive), counted in UTF-16 code units. */
  endUtf16: Scalars['Int']['output'];
  /** The paragraph the span is in. */
  paragraph: Paragraph;
  /** Where the span ends in the article's full source text (exclusive). */
  sourceEnd: Scalars['Int']['output'];
  /** Where the span starts in the article's full source text (`Article.text`). */
  sourceStart: Scalars['Int']['output'];
  /** Where the span starts in the paragraph's text. */
  start: Scalars['Int']['output'];
  /**
   * Where the span starts in the paragraph's text counted in UTF-16 code units,
   * as JavaScript strings index: `paragraph.text.slice(startUtf16, endUtf16)` is
   * exactly `text`. Equal to `start` unless an astral character (an emoji, say)
   * comes before it.
   */
  startUtf16: Scalars['Int']['output'];
  /** The span itself, verbatim. */
  text: Scalars['String']['output'];
};

/**
 * An exact span of an article's text, quoted as evidence. The text must occur
 * exactly once in the article, unless `paragraph` and `occurrence` pick one
 * occurrence, or `all` takes every whole-word occurrence.
 */
export type EvidenceInput = {
  /** Takes every whole-word occurrence of the text in the article. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Which occurrence of the text in that paragraph, from 1. */
  occurrence?: InputMaybe<Scalars['Int']['input']>;
  /** The paragraph to look in, counting every paragraph of the source from 1. */
  paragraph?: InputMaybe<Scalars['Int']['input']>;
  /** The exact words, copied from the article (quotes and dashes included); at most 10,000 characters. */
  text: Scalars['String']['input'];
};

/** A draft document extracted from raw text. */
export type ExtractedDraft = {
  __typename?: 'ExtractedDraft';
  /** The draft in the seeds' YAML format, each item preceded by a `# review:` comment; `importArticle` takes it as its `document`. */
  document: Scalars['String']['output'];
  /** Every item of the draft, in the document's order, with its evidence spans. */
  items: Array<DraftItem>;
};

/**
 * A quantity an article states: "Malaysia's GDP grew by 5.1% compared with
 * 2023", "the 56-point statement", a scheduled completion in June.
 */
export type Figure = Node & {
  __typename?: 'Figure';
  /** The article that states it. */
  article: Article;
  /**
   * The fact this figure states, when figures of two or more articles state it
   * (the same metric, case aside, subject and period), with whether they
   * conflict; null otherwise.
   */
  claim?: Maybe<FigureClaim>;
  /** What the value is compared with, e.g. 2023 in "2024 over 2023". */
  comparedWith?: Maybe<PartialDate>;
  /** The currency, as an ISO 4217 code, when the unit is CURRENCY. */
  currency?: Maybe<Scalars['String']['output']>;
  /** The date, when the figure is one (unit DATE), such as a scheduled completion. */
  date?: Maybe<PartialDate>;
  /** The figure as a reader would write it, e.g. `5.1%`. */
  display: Scalars['String']['output'];
  /** The exact words of the article that state it. */
  evidence: Array<Evidence>;
  /** The figure's global ID. */
  id: Scalars['ID']['output'];
  /** What is measured, e.g. `GDP growth`. */
  metric: Scalars['String']['output'];
  /** The period the value describes, e.g. 2024. */
  period?: Maybe<PartialDate>;
  /** The figure's place among the article's figures, in reading order, from 1. */
  position: Scalars['Int']['output'];
  /**
   * The other figures that state the same fact (same metric, case aside,
   * subject and period), in any article, oldest first: the first `first` of
   * them (1 to 100, 20 unless given).
   */
  sameFactAs: Array<Figure>;
  /** The statement it is part of, when a speaker stated it. */
  statement?: Maybe<Statement>;
  /** What the figure is about: a country, an agreement, an event, a project, ... */
  subject: Entity;
  /** The topics it is about. */
  topics: Array<Topic>;
  /** The unit of the value. */
  unit: FigureUnit;
  /** The exact value; null when the figure is a date (see `date`). */
  value?: Maybe<Scalars['Decimal']['output']>;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/**
 * A quantity an article states: "Malaysia's GDP grew by 5.1% compared with
 * 2023", "the 56-point statement", a scheduled completion in June.
 */
export type FigureSameFactAsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Selects the figures a figureAdded subscription receives; fields combine with AND. */
export type FigureAddedFilter = {
  /** About any of these entities. */
  subjects?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** About any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** In any of these units. */
  units?: InputMaybe<Array<FigureUnit>>;
};

/**
 * A fact that figures of two or more articles state: a metric of a subject for
 * a period, as each article gives it.
 */
export type FigureClaim = {
  __typename?: 'FigureClaim';
  /** How many articles state it. */
  articleCount: Scalars['Int']['output'];
  /** Whether the figures disagree: they give different values (or units, currencies or dates). */
  conflicting: Scalars['Boolean']['output'];
  /** The figures that state it, oldest first: the first `first` of them (1 to 100, 20 unless given; `articleCount` says how many articles state it). */
  figures: Array<Figure>;
  /** What is measured, as the oldest of the figures words it. */
  metric: Scalars['String']['output'];
  /** The period the value describes, as the oldest of the figures words it. */
  period: PartialDate;
  /** What the fact is about. */
  subject: Entity;
  /** The distinct values they give, each with its currency and unit (`5.1 PERCENT`, `120 USD CURRENCY`), in text order. */
  values: Array<Scalars['String']['output']>;
};


/**
 * A fact that figures of two or more articles state: a metric of a subject for
 * a period, as each article gives it.
 */
export type FigureClaimFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of facts. */
export type FigureClaimConnection = {
  __typename?: 'FigureClaimConnection';
  /** The facts of this page with their cursors. */
  edges: Array<FigureClaimEdge>;
  /** The facts of this page. */
  nodes: Array<FigureClaim>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many facts match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A fact in a page, with its cursor. */
export type FigureClaimEdge = {
  __typename?: 'FigureClaimEdge';
  /** Pass to `after` or `before` to page from this fact. */
  cursor: Scalars['String']['output'];
  /** The fact. */
  node: FigureClaim;
};

/** A page of figures. */
export type FigureConnection = {
  __typename?: 'FigureConnection';
  /** The figures of this page with their cursors. */
  edges: Array<FigureEdge>;
  /**
   * Counts the figures the connection selects (a root connection's filter; a
   * nested one's parent and filter), grouped by one or two dimensions; see
   * `StatementConnection.groups`.
   */
  groups: Array<Group>;
  /** The figures of this page. */
  nodes: Array<Figure>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /**
   * Summarizes the values of the figures the connection selects (a root
   * connection's filter; a nested one's parent and filter), grouped by one or
   * two dimensions: `figures(filter: {metric: "GDP growth"}) { summary(by:
   * [SUBJECT, PERIOD_YEAR]) { ... } }` gives the range and mean of GDP growth
   * figures per subject and year; `place { figures { summary(by: [METRIC]) } }`
   * those of one place's figures per metric. Values of different units are not
   * told apart unless grouped by `UNIT` or filtered by `units`.
   */
  summary: Array<FigureSummary>;
  /** How many figures match, on all pages. */
  totalCount: Scalars['Int']['output'];
};


/** A page of figures. */
export type FigureConnectionGroupsArgs = {
  by: Array<FigureDimension>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<GroupOrder>;
};


/** A page of figures. */
export type FigureConnectionSummaryArgs = {
  by: Array<FigureDimension>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<GroupOrder>;
};

/** What figures can be grouped by. */
export type FigureDimension =
  /** The article that states it. */
  | 'ARTICLE'
  /** The country it is about: its subject when that is a country, else the country of a place or organization subject. */
  | 'COUNTRY'
  /** What is measured, as written (`GDP growth`). */
  | 'METRIC'
  /** The month of the period its value describes (`2024-06`). */
  | 'PERIOD_MONTH'
  /** The year of the period its value describes. */
  | 'PERIOD_YEAR'
  /** The month its article was published. */
  | 'PUBLISHED_MONTH'
  /** The year its article was published. */
  | 'PUBLISHED_YEAR'
  /** The speaker of the statement that states it. */
  | 'SPEAKER'
  /** What it is about: a country, an agreement, a project, ... */
  | 'SUBJECT'
  /** The topics it is tagged with (each topic on its own, not its broader topics). */
  | 'TOPIC'
  /** The unit of its value. */
  | 'UNIT';

/** A figure in a page, with its cursor. */
export type FigureEdge = {
  __typename?: 'FigureEdge';
  /** Pass to `after` or `before` to page from this figure. */
  cursor: Scalars['String']['output'];
  /** The figure. */
  node: Figure;
};

/** The curated fields of a figure. In an update, fields left out keep their stored values; null clears an optional one. */
export type FigureFields = {
  /** The period the figure is compared with. */
  comparedWith?: InputMaybe<PartialDateInput>;
  /** The ISO 4217 code, for unit CURRENCY. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** The value of a figure with unit DATE. */
  date?: InputMaybe<PartialDateInput>;
  /** The figure as the article writes it (required); at most 300 characters. */
  display?: InputMaybe<Scalars['String']['input']>;
  /** The spans of the article that state the figure (required). */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** What is measured, in words (required); at most 300 characters. */
  metric?: InputMaybe<Scalars['String']['input']>;
  /** The period the figure covers. */
  period?: InputMaybe<PartialDateInput>;
  /** The statement of the same article that states the figure. */
  statement?: InputMaybe<Scalars['ID']['input']>;
  /** The entity the figure is about (required). */
  subject?: InputMaybe<Scalars['ID']['input']>;
  /** Topics the figure is about. */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The unit (required). */
  unit?: InputMaybe<FigureUnit>;
  /** The exact value; required unless the unit is DATE. */
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

/** Selects figures. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type FigureFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<FigureFilter>>;
  /** In any of these articles. */
  articles?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The metric contains this text (case-insensitive), e.g. `GDP`; at most 500 characters. */
  metric?: InputMaybe<Scalars['String']['input']>;
  /** Does not match this filter. */
  not?: InputMaybe<FigureFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<FigureFilter>>;
  /** The period the value describes overlaps this range. */
  period?: InputMaybe<DateRange>;
  /** About any of these entities. */
  subjects?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** About any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** In any of these units. */
  units?: InputMaybe<Array<FigureUnit>>;
  /** The value lies in this range. */
  value?: InputMaybe<DecimalRange>;
};

/** Orders figures. */
export type FigureOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: FigureOrderField;
};

/** What figures can be ordered by. */
export type FigureOrderField =
  /** Article by article (in the order they were stored), each in reading order. */
  | 'ARTICLE'
  /** The period the value describes (its first day); figures with no period come last. */
  | 'PERIOD'
  /** The publication date of the figure's article, then article by article in reading order (all of it reversed when descending); figures of undated articles come last. */
  | 'PUBLISHED'
  /** The value; date figures come last. */
  | 'VALUE';

/** The result of createFigure or updateFigure. */
export type FigurePayload = {
  __typename?: 'FigurePayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The figure as stored; null when there are userErrors. */
  figure?: Maybe<Figure>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** A group of figures and a summary of their values. */
export type FigureSummary = {
  __typename?: 'FigureSummary';
  /** The mean of the values, exact to PostgreSQL's numeric precision. */
  average?: Maybe<Scalars['Decimal']['output']>;
  /** How many figures are in the group. */
  count: Scalars['Int']['output'];
  /** The group's value of each dimension, in the order of `by`. */
  keys: Array<GroupKey>;
  /** The largest value. */
  max?: Maybe<Scalars['Decimal']['output']>;
  /** The smallest value; null when no figure of the group has one (date figures). */
  min?: Maybe<Scalars['Decimal']['output']>;
};

/** The unit of a figure's value. */
export type FigureUnit =
  /** A count of things. */
  | 'COUNT'
  /** An amount of money, in `currency`. */
  | 'CURRENCY'
  /** The figure is a date, in `date`; it has no value. */
  | 'DATE'
  /** Percent: 5.1 means 5.1%. */
  | 'PERCENT'
  /** Percentage points. */
  | 'PERCENTAGE_POINT';

/** A group of an aggregate: its keys and how many items it has. */
export type Group = {
  __typename?: 'Group';
  /** How many items are in the group. */
  count: Scalars['Int']['output'];
  /** The group's value of each dimension, in the order of `by`. */
  keys: Array<GroupKey>;
};

/**
 * The value a dimension takes in a group. For a topic, an article, a speaker,
 * a country, ... `node` is that object, to follow; for a verb, a unit, a month,
 * only `label` is set. Both are null for the group of items without a value.
 */
export type GroupKey = {
  __typename?: 'GroupKey';
  /** The value for people: the object's name, title or label, the enum's name (`SAID`), the metric, the month (`2025-04`) or the year (`2025`). */
  label?: Maybe<Scalars['String']['output']>;
  /** The month (1 to 12), for dimensions that are months. */
  month?: Maybe<Scalars['Int']['output']>;
  /** The object the value is: an Article, a Topic, a Person, an Organization, a Place, ... */
  node?: Maybe<Node>;
  /** The year, for dimensions that are dates. */
  year?: Maybe<Scalars['Int']['output']>;
};

/** The order of an aggregate's groups. */
export type GroupOrder =
  /** The largest groups first; groups of equal size in a fixed order (by value, then by object). */
  | 'COUNT'
  /** By the keys' labels (names, months, years) ascending, the first dimension first; groups without a value last. */
  | 'VALUE';

/** An article to import: its curated document and its verbatim text. */
export type ImportArticleInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /**
   * The curated document, as YAML or JSON: one YAML document, without anchors or aliases, of at most 256 KiB,
   * 50,000 nodes, 20 levels of nesting, 2,000 items in a list and 64 KiB in a string by default (the
   * server's -max-document-* settings); over one of them it is refused as a user error that names the limit.
   * Its texts have the limits of the create and update inputs: slugs, keys and references at most 100
   * characters; names, labels, titles, roles, metrics, displays, dates' wording and vocabulary words at
   * most 300; content, summaries, notes, descriptions, ledes, bases and evidence at most 10,000.
   */
  document: Scalars['String']['input'];
  /** The article's verbatim source text; evidence is looked up and offsets counted in it; at most 200,000 characters. */
  text: Scalars['String']['input'];
};

/** The result of importArticle. */
export type ImportArticlePayload = {
  __typename?: 'ImportArticlePayload';
  /** The imported article; null when there are userErrors. */
  article?: Maybe<Article>;
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** What is wrong with the input; empty when the import succeeded. */
  userErrors: Array<UserError>;
};

/** Where an article names an entity: the article, and the spans that name it. */
export type MentionInput = {
  /** The article. */
  article: Scalars['ID']['input'];
  /** The spans of its text that name the entity; they replace any the article had for it. */
  evidence: Array<EvidenceInput>;
};

/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an agreement or cooperation framework. */
  createAgreement: AgreementPayload;
  /** Adds an event. */
  createEvent: EventPayload;
  /** Adds a figure to an article. Its evidence must be found verbatim in the article. */
  createFigure: FigurePayload;
  /** Adds an organization. */
  createOrganization: OrganizationPayload;
  /** Adds a person. */
  createPerson: PersonPayload;
  /** Adds a place. */
  createPlace: PlacePayload;
  /** Adds a project or facility. */
  createProject: ProjectPayload;
  /** Adds a statement to an article. Its evidence must be found verbatim in the article. */
  createStatement: StatementPayload;
  /** Adds a topic to the vocabulary. */
  createTopic: TopicPayload;
  /** Deletes an agreement. Anything still referring to it makes this a CONFLICT unless `cascade`. */
  deleteAgreement: DeletePayload;
  /**
   * Deletes an article and everything curated from it: its paragraphs and
   * credits, its statements and figures, their evidence, its topic tags and the
   * mentions of entities in it, in one transaction, recorded in the audit log.
   * The entities, topics and affiliations it names stay: other articles share
   * them (delete them with their own mutations). `cascadedIds` lists the
   * statements and figures that went with it; `cascade` is not needed, and
   * ignored. Needs an API token.
   */
  deleteArticle: DeletePayload;
  /** Deletes an event. Anything still referring to it makes this a CONFLICT unless `cascade`. */
  deleteEvent: DeletePayload;
  /** Deletes a figure. Nothing refers to a figure, so `cascade` changes nothing. */
  deleteFigure: DeletePayload;
  /** Deletes an organization. Anything still referring to it makes this a CONFLICT unless `cascade`. */
  deleteOrganization: DeletePayload;
  /** Deletes a person. Their statements, affiliations, credits or anything else referring to them make this a CONFLICT unless `cascade`. */
  deletePerson: DeletePayload;
  /** Deletes a place. Anything still referring to it makes this a CONFLICT unless `cascade`. */
  deletePlace: DeletePayload;
  /** Deletes a project. Anything still referring to it makes this a CONFLICT unless `cascade`. */
  deleteProject: DeletePayload;
  /** Deletes a statement. Figures that cite it make this a CONFLICT unless `cascade` deletes them too. */
  deleteStatement: DeletePayload;
  /** Deletes a topic. Items tagged with it, or narrower topics, make this a CONFLICT unless `cascade` removes the tags and makes the narrower topics top-level. */
  deleteTopic: DeletePayload;
  /**
   * Imports one article: its curated document, in the format of the seed files
   * (the article, the entities it declares or mentions, its statements,
   * figures and agreements, each with evidence quoted from the text), and its
   * verbatim text. The document is checked exactly as the seed loader checks
   * it, then written in one transaction. Importing an article whose slug
   * exists updates it in place: its statements and figures keep their IDs.
   */
  importArticle: ImportArticlePayload;
  /** Changes an agreement: the fields given replace the stored ones; the others stay. */
  updateAgreement: AgreementPayload;
  /** Changes an event: the fields given replace the stored ones; the others stay. */
  updateEvent: EventPayload;
  /** Changes a figure: the fields given replace the stored ones; the others stay. */
  updateFigure: FigurePayload;
  /** Changes an organization: the fields given replace the stored ones; the others stay. */
  updateOrganization: OrganizationPayload;
  /** Changes a person: the fields given replace the stored ones; the others stay. */
  updatePerson: PersonPayload;
  /** Changes a place: the fields given replace the stored ones; the others stay. */
  updatePlace: PlacePayload;
  /** Changes a project: the fields given replace the stored ones; the others stay. */
  updateProject: ProjectPayload;
  /** Changes a statement: the fields given replace the stored ones; the others stay. */
  updateStatement: StatementPayload;
  /** Changes a topic: the fields given replace the stored ones; the others stay. */
  updateTopic: TopicPayload;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateAgreementArgs = {
  input: CreateAgreementInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateEventArgs = {
  input: CreateEventInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateFigureArgs = {
  input: CreateFigureInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreatePersonArgs = {
  input: CreatePersonInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreatePlaceArgs = {
  input: CreatePlaceInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateStatementArgs = {
  input: CreateStatementInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationCreateTopicArgs = {
  input: CreateTopicInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteAgreementArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteArticleArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteEventArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteFigureArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteOrganizationArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeletePersonArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeletePlaceArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteProjectArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteStatementArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationDeleteTopicArgs = {
  input: DeleteInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationImportArticleArgs = {
  input: ImportArticleInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateAgreementArgs = {
  input: UpdateAgreementInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateEventArgs = {
  input: UpdateEventInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateFigureArgs = {
  input: UpdateFigureInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateOrganizationArgs = {
  input: UpdateOrganizationInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdatePersonArgs = {
  input: UpdatePersonInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdatePlaceArgs = {
  input: UpdatePlaceInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateProjectArgs = {
  input: UpdateProjectInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateStatementArgs = {
  input: UpdateStatementInput;
};


/**
 * Changes to the dataset. Every mutation needs an API token, sent as
 * `Authorization: Bearer <token>`: without a valid one it fails with
 * UNAUTHENTICATED and writes nothing. Problems with the input come back in the
 * payload's `userErrors`, each naming where in the input it is, and then
 * nothing is written either. Texts are counted in characters (Unicode code
 * points); each input field's description gives its limit, and none may hold a
 * NUL character (U+0000): a text over its limit, or with a NUL, is a userError
 * naming the field and the limit (a clientMutationId, which is only echoed,
 * fails the mutation with BAD_USER_INPUT instead).
 */
export type MutationUpdateTopicArgs = {
  input: UpdateTopicInput;
};

/** An object with a global ID, which `node(id:)` fetches again. */
export type Node = {
  /** The object's global ID: opaque, stable, unique across all types. */
  id: Scalars['ID']['output'];
};

/** The direction of an ordering. */
export type OrderDirection =
  /** Smallest first (A to Z, oldest first). */
  | 'ASC'
  /** Largest first (Z to A, newest first). */
  | 'DESC';

/** An organization named in the articles. */
export type Organization = Entity & Node & {
  __typename?: 'Organization';
  /** Agreements the organization is a party to. */
  agreements: AgreementConnection;
  /** The articles that name the organization, newest first. */
  articles: ArticleConnection;
  /** The organizations that are part of it. */
  children: Array<Organization>;
  /** The country the articles tie it to; null when they do not say. */
  country?: Maybe<Place>;
  /** Figures about this organization: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The organization's global ID. */
  id: Scalars['ID']['output'];
  /** What sort of organization it is; null when the articles do not say. */
  kind?: Maybe<OrganizationKind>;
  /** People affiliated with the organization, by name. */
  members: PersonConnection;
  /** Where one article names the organization: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The organization's name, verbatim. */
  name: Scalars['String']['output'];
  /** A curator's note about the organization, such as why it is unresolved. */
  note?: Maybe<Scalars['String']['output']>;
  /** The organization it is part of: the university of a school, the parent of a subsidiary. */
  parent?: Maybe<Organization>;
  /** The acronym the articles use for it, such as `CSCEC`. */
  shortName?: Maybe<Scalars['String']['output']>;
  /** The organization's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** Statements by the organization, by its people (speaking in a role there or in a sub-organization), or by unnamed staff. */
  statements: StatementConnection;
  /**
   * Whether the name, kept verbatim, does not identify the organization (a
   * garbled token in the source); `note` says why.
   */
  unresolved: Scalars['Boolean']['output'];
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** An organization named in the articles. */
export type OrganizationAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/** An organization named in the articles. */
export type OrganizationArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** An organization named in the articles. */
export type OrganizationFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** An organization named in the articles. */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PersonOrder>;
};


/** An organization named in the articles. */
export type OrganizationMentionsArgs = {
  article: Scalars['ID']['input'];
};


/** An organization named in the articles. */
export type OrganizationStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<StatementOrder>;
};

/** A page of organizations. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The organizations of this page with their cursors. */
  edges: Array<OrganizationEdge>;
  /** The organizations of this page. */
  nodes: Array<Organization>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many organizations match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An organization in a page, with its cursor. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Pass to `after` or `before` to page from this organization. */
  cursor: Scalars['String']['output'];
  /** The organization. */
  node: Organization;
};

/** The fields of an organization. In an update, fields left out keep their stored values; null clears an optional one. */
export type OrganizationFields = {
  /** The country it belongs to: a Place of kind COUNTRY. */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of organization it is, when the article says. */
  kind?: InputMaybe<OrganizationKind>;
  /** Its full name (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A curator's note; at most 10,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The organization it is part of. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Its abbreviation or short name; at most 300 characters. */
  shortName?: InputMaybe<Scalars['String']['input']>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Marks a name kept verbatim that does not identify the organization; note must say why. */
  unresolved?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Selects organizations. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type OrganizationFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<OrganizationFilter>>;
  /** In any of these countries. */
  countries?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Of any of these kinds. */
  kinds?: InputMaybe<Array<OrganizationKind>>;
  /** Name or acronym contains something like this, tolerating typos; at most 500 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Does not match this filter. */
  not?: InputMaybe<OrganizationFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<OrganizationFilter>>;
};

/** What sort of organization it is. */
export type OrganizationKind =
  /** An academy of sciences or similar learned body. */
  | 'ACADEMY'
  /** An association or society. */
  | 'ASSOCIATION'
  /** A company, subsidiary or branch. */
  | 'COMPANY'
  /** A division, department or office inside a larger organization. */
  | 'DEPARTMENT'
  /** Another government body. */
  | 'GOVERNMENT_BODY'
  /** A government ministry. */
  | 'MINISTRY'
  /** A school, institute or research centre, usually inside a university. */
  | 'SCHOOL_OR_INSTITUTE'
  /** A university. */
  | 'UNIVERSITY';

/** Orders organizations. */
export type OrganizationOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: OrganizationOrderField;
};

/** What organizations can be ordered by. */
export type OrganizationOrderField =
  /** The name. */
  | 'NAME'
  /** How many statements the organization made itself: as the speaker, or through unnamed staff speaking for it (its `statements` also counts its people's and its sub-organizations'). */
  | 'STATEMENTS';

/** The result of createOrganization or updateOrganization. */
export type OrganizationPayload = {
  __typename?: 'OrganizationPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The organization as stored; null when there are userErrors. */
  organization?: Maybe<Organization>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** Where a page of a connection sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow the last item of this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether more items precede the first item of this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One paragraph of an article's source text, verbatim (without Markdown markers). */
export type Paragraph = Node & {
  __typename?: 'Paragraph';
  /** The article the paragraph belongs to. */
  article: Article;
  /** The paragraph's global ID. */
  id: Scalars['ID']['output'];
  /** What the paragraph is: title, dateline, lede, body text or a credit line. */
  kind: ParagraphKind;
  /** The paragraph's place in the article, from 1. */
  position: Scalars['Int']['output'];
  /** Where the text starts in the article's full source text, in characters. */
  sourceOffset: Scalars['Int']['output'];
  /** The paragraph's text, verbatim; evidence offsets count from its start. */
  text: Scalars['String']['output'];
};

/** What a paragraph is. */
export type ParagraphKind =
  /** Body text. */
  | 'BODY'
  /** A credit line (translator, editor, ...). */
  | 'CREDIT'
  /** The line giving the publication date. */
  | 'DATELINE'
  /** The standfirst that opens the article. */
  | 'LEDE'
  /** The headline. */
  | 'TITLE';

/**
 * A date as an article words it, with only the parts it gives: "On October
 * 25" has a month and a day but no year. A part not stated but inferred from
 * context is listed in `inferredParts`, and `basis` says from what.
 */
export type PartialDate = {
  __typename?: 'PartialDate';
  /** What the inferred parts were inferred from; null when nothing was inferred. */
  basis?: Maybe<Scalars['String']['output']>;
  /** The day of the month, when known. */
  day?: Maybe<Scalars['Int']['output']>;
  /** Whether any part was inferred rather than stated. */
  inferred: Scalars['Boolean']['output'];
  /** The parts that were inferred rather than stated. */
  inferredParts: Array<DatePart>;
  /** The date in ISO 8601 form with only the known parts: `2025-04-17`, `2025-06`, `2024`, or `--10-25` when the year is unknown. */
  iso: Scalars['String']['output'];
  /** The month (1 to 12), when known. */
  month?: Maybe<Scalars['Int']['output']>;
  /** The finest part known. */
  precision: DatePrecision;
  /** The article's own wording, e.g. `on Thursday`. */
  text: Scalars['String']['output'];
  /** The year, when known. */
  year?: Maybe<Scalars['Int']['output']>;
};

/** A date as the article words it, with only the parts it gives or implies. */
export type PartialDateInput = {
  /** What the inferred parts follow from; required when any part is inferred; at most 10,000 characters. */
  basis?: InputMaybe<Scalars['String']['input']>;
  /** The day of the month, when known. */
  day?: InputMaybe<Scalars['Int']['input']>;
  /** The parts the article does not state but that follow from context. */
  inferred?: InputMaybe<Array<DatePart>>;
  /** The month (1 to 12), when known. */
  month?: InputMaybe<Scalars['Int']['input']>;
  /** The date as the article words it, such as `on Thursday`; at most 300 characters. */
  text: Scalars['String']['input'];
  /** The year, when known. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** How an entity took part in an event. */
export type ParticipantRole =
  /** Hosted the event. */
  | 'HOST'
  /** Organized the event. */
  | 'ORGANIZER'
  /** Took part. */
  | 'PARTICIPANT'
  /** Visited (on a state visit). */
  | 'VISITOR';

/** A party's role in an agreement. */
export type PartyRole =
  /** A partner in it, such as a partner country of an initiative. */
  | 'PARTNER'
  /** A party to it. */
  | 'PARTY'
  /** A signatory. */
  | 'SIGNATORY';

/** A person named in the articles. */
export type Person = Entity & Node & {
  __typename?: 'Person';
  /** The roles the person holds or held, as the articles state them. */
  affiliations: Array<Affiliation>;
  /** The articles that name the person, newest first. */
  articles: ArticleConnection;
  /** The honorifics and the name together, as an article would address them. */
  displayName: Scalars['String']['output'];
  /** Figures about this person: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** Honorifics as the articles write them, in order: `Dato' Sri`, `Professor`. */
  honorifics: Array<Scalars['String']['output']>;
  /** The person's global ID. */
  id: Scalars['ID']['output'];
  /** Where one article names the person: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The person's name, without honorifics. */
  name: Scalars['String']['output'];
  /** The person's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** What the person said, across all articles. */
  statements: StatementConnection;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** A person named in the articles. */
export type PersonArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** A person named in the articles. */
export type PersonFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** A person named in the articles. */
export type PersonMentionsArgs = {
  article: Scalars['ID']['input'];
};


/** A person named in the articles. */
export type PersonStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<StatementOrder>;
};

/** A page of people. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** The people of this page with their cursors. */
  edges: Array<PersonEdge>;
  /** The people of this page. */
  nodes: Array<Person>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many people match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A person in a page, with their cursor. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** Pass to `after` or `before` to page from this person. */
  cursor: Scalars['String']['output'];
  /** The person. */
  node: Person;
};

/** The fields of a person. In an update, fields left out keep their stored values. */
export type PersonFields = {
  /** Honorifics, in the article's order (`Datuk`, `Dr`); at most 300 characters each. */
  honorifics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The name without honorifics (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Selects people. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type PersonFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<PersonFilter>>;
  /** Name contains something like this, tolerating typos and ignoring honorifics; at most 500 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Does not match this filter. */
  not?: InputMaybe<PersonFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<PersonFilter>>;
  /** Affiliated with any of these organizations (or their sub-organizations). */
  organizations?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Orders people. */
export type PersonOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: PersonOrderField;
};

/** What people can be ordered by. */
export type PersonOrderField =
  /** The name. */
  | 'NAME'
  /** How many statements the person made (their `statements`' `totalCount`). */
  | 'STATEMENTS';

/** The result of createPerson or updatePerson. */
export type PersonPayload = {
  __typename?: 'PersonPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The person as stored; null when there are userErrors. */
  person?: Maybe<Person>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** A place named in the articles. */
export type Place = Entity & Node & {
  __typename?: 'Place';
  /** Agreements the place (a country) is a party to. */
  agreements: AgreementConnection;
  /** The articles that name the place, newest first. */
  articles: ArticleConnection;
  /** The country it lies in; null for a country, or when the articles do not say. */
  country?: Maybe<Place>;
  /** Figures about this place: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The place's global ID. */
  id: Scalars['ID']['output'];
  /** What sort of place it is. */
  kind: PlaceKind;
  /** Where one article names the place: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The place's name. */
  name: Scalars['String']['output'];
  /** The place it lies in, such as the city of a building. */
  parent?: Maybe<Place>;
  /** The place's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** A place named in the articles. */
export type PlaceAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/** A place named in the articles. */
export type PlaceArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** A place named in the articles. */
export type PlaceFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** A place named in the articles. */
export type PlaceMentionsArgs = {
  article: Scalars['ID']['input'];
};

/** A page of places. */
export type PlaceConnection = {
  __typename?: 'PlaceConnection';
  /** The places of this page with their cursors. */
  edges: Array<PlaceEdge>;
  /** The places of this page. */
  nodes: Array<Place>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many places match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A place in a page, with its cursor. */
export type PlaceEdge = {
  __typename?: 'PlaceEdge';
  /** Pass to `after` or `before` to page from this place. */
  cursor: Scalars['String']['output'];
  /** The place. */
  node: Place;
};

/** The fields of a place. In an update, fields left out keep their stored values; null clears an optional one. */
export type PlaceFields = {
  /** The country it is in: a Place of kind COUNTRY (not for a country). */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of place it is (required). */
  kind?: InputMaybe<PlaceKind>;
  /** Its name (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The place it lies within. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Selects places. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type PlaceFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<PlaceFilter>>;
  /** In any of these countries. */
  countries?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Of any of these kinds. */
  kinds?: InputMaybe<Array<PlaceKind>>;
  /** Does not match this filter. */
  not?: InputMaybe<PlaceFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<PlaceFilter>>;
};

/** What sort of place it is. */
export type PlaceKind =
  /** A building. */
  | 'BUILDING'
  /** A city or town. */
  | 'CITY'
  /** A country. */
  | 'COUNTRY'
  /** The site of a data center. */
  | 'DATA_CENTER_SITE'
  /** An industrial park. */
  | 'INDUSTRIAL_PARK'
  /** A region of several countries or of one country. */
  | 'REGION';

/** Orders places. */
export type PlaceOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: PlaceOrderField;
};

/** What places can be ordered by. */
export type PlaceOrderField =
  /** The name. */
  | 'NAME'
  /** How many statements name the place. */
  | 'STATEMENTS';

/** The result of createPlace or updatePlace. */
export type PlacePayload = {
  __typename?: 'PlacePayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The place as stored; null when there are userErrors. */
  place?: Maybe<Place>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** A project or facility the articles describe, such as a data center under construction. */
export type Project = Entity & Node & {
  __typename?: 'Project';
  /** The articles that name the project, newest first. */
  articles: ArticleConnection;
  /** The organization building it. */
  builder?: Maybe<Organization>;
  /** The words that describe the project, across articles. */
  evidence: Array<Evidence>;
  /** Figures about this project: the quantities the articles state with it as their subject. */
  figures: FigureConnection;
  /** The project's global ID. */
  id: Scalars['ID']['output'];
  /** What sort of project it is. */
  kind: ProjectKind;
  /** Where one article names the project: exact spans of its text, in reading order. */
  mentions: Array<Evidence>;
  /** The project's name. */
  name: Scalars['String']['output'];
  /** Where it is. */
  place?: Maybe<Place>;
  /** When it is scheduled to be completed, as the article words it. */
  scheduledCompletion?: Maybe<PartialDate>;
  /** The project's key, unique across entities. */
  slug: Scalars['String']['output'];
  /** How far along it is; null when the articles do not say. */
  status?: Maybe<ProjectStatus>;
  /** What the project is, in the articles' words. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** A project or facility the articles describe, such as a data center under construction. */
export type ProjectArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** A project or facility the articles describe, such as a data center under construction. */
export type ProjectFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** A project or facility the articles describe, such as a data center under construction. */
export type ProjectMentionsArgs = {
  article: Scalars['ID']['input'];
};

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The projects of this page with their cursors. */
  edges: Array<ProjectEdge>;
  /** The projects of this page. */
  nodes: Array<Project>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many projects match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A project in a page, with its cursor. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Pass to `after` or `before` to page from this project. */
  cursor: Scalars['String']['output'];
  /** The project. */
  node: Project;
};

/** The fields of a project. In an update, fields left out keep their stored values; null clears an optional one. */
export type ProjectFields = {
  /** The organization building it. */
  builder?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of project it is (required). */
  kind?: InputMaybe<ProjectKind>;
  /** Its name (required); at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Where it is. */
  place?: InputMaybe<Scalars['ID']['input']>;
  /** When it is scheduled to be completed. */
  scheduledCompletion?: InputMaybe<PartialDateInput>;
  /** Unique across all entities (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** How far it has got. */
  status?: InputMaybe<ProjectStatus>;
  /** A one-line summary; at most 10,000 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** Selects projects. Fields combine with AND; `and`, `or` and `not` combine whole filters. */
export type ProjectFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<ProjectFilter>>;
  /** Built by any of these organizations (or their sub-organizations). */
  builders?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Of any of these kinds. */
  kinds?: InputMaybe<Array<ProjectKind>>;
  /** Does not match this filter. */
  not?: InputMaybe<ProjectFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<ProjectFilter>>;
  /** At any of these places (or places within them). */
  places?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** In any of these states. */
  statuses?: InputMaybe<Array<ProjectStatus>>;
};

/** What sort of project it is. */
export type ProjectKind =
  /** A building. */
  | 'BUILDING'
  /** A data center. */
  | 'DATA_CENTER'
  /** An industrial park. */
  | 'INDUSTRIAL_PARK'
  /** Other infrastructure. */
  | 'INFRASTRUCTURE';

/** Orders projects. */
export type ProjectOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: ProjectOrderField;
};

/** What projects can be ordered by. */
export type ProjectOrderField =
  /** The project's name. */
  | 'NAME';

/** The result of createProject or updateProject. */
export type ProjectPayload = {
  __typename?: 'ProjectPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The project as stored; null when there are userErrors. */
  project?: Maybe<Project>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** How far along a project is. */
export type ProjectStatus =
  /** Finished. */
  | 'COMPLETED'
  /** Planned, not yet begun. */
  | 'PLANNED'
  /** Being built. */
  | 'UNDER_CONSTRUCTION';

/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type Query = {
  __typename?: 'Query';
  /** Agreements and cooperation frameworks: joint statements, signed agreements, cooperation models, initiatives, policies. */
  agreements: AgreementConnection;
  /** One article, by global ID or by slug (give exactly one). */
  article?: Maybe<Article>;
  /** Articles, newest first unless ordered otherwise. */
  articles: ArticleConnection;
  /**
   * The audit log: every write through the API or the import command, newest
   * first. Only for a request with an API token (`UNAUTHENTICATED` without
   * one, even where reads are public).
   */
  auditLog: AuditEntryConnection;
  /** Any person, organization, place, event, project or agreement, by slug (`malaysia`, `xi-jinping`); null when none has it. */
  entity?: Maybe<Entity>;
  /** Events the articles report: conferences, their sessions, state visits. */
  events: EventConnection;
  /**
   * Reads an article's raw text and returns a draft curated document: the
   * people, organizations, places, events, agreements, statements and figures
   * it finds, each with its evidence. Nothing is stored: review and edit the
   * draft, then pass it with the same text to `importArticle`. English news
   * only. Costs 100 more than its selections in the query cost limit.
   */
  extractDraft: ExtractedDraft;
  /**
   * Facts that figures of two or more articles state: the same metric (case
   * aside) of the same subject for the same period, ordered by metric,
   * subject and period. Figures without a period state no such fact.
   */
  figureClaims: FigureClaimConnection;
  /** Figures: the quantities the articles state. */
  figures: FigureConnection;
  /** Fetches any object by its global ID; null when nothing has that ID. */
  node?: Maybe<Node>;
  /** Fetches several objects by global ID, in the order given; null for IDs that name nothing. */
  nodes: Array<Maybe<Node>>;
  /** Organizations named in the articles: ministries, universities, companies, ... */
  organizations: OrganizationConnection;
  /** People named in the articles. */
  people: PersonConnection;
  /** Places named in the articles: countries, cities, industrial parks, buildings. */
  places: PlaceConnection;
  /** Projects the articles name: data centers, industrial parks, buildings, infrastructure. */
  projects: ProjectConnection;
  /**
   * Searches articles, statements, figures, agreements, events, projects and
   * topics by their text (PostgreSQL full-text search, websearch syntax:
   * words, "quoted phrases", -exclusions, OR) and people, organizations and
   * places by name, with the same syntax: a name matches when it has every
   * word of the query as a word (a word of five letters or more also when it
   * has a word like it, typos and all) and none of the excluded ones. By
   * default results come best first (`sort`), each with a snippet whose
   * matching words are marked. Of the articles, statements, figures,
   * agreements, events, projects and topics that match, the newest 100 of
   * each type are ranked (all matching people, organizations and places
   * are): a search returns at most 100 results of each of those types.
   */
  search: SearchConnection;
  /** Statements across all articles: who said what. */
  statements: StatementConnection;
  /** A topic by slug (`digital-economy`); null when none has it. */
  topic?: Maybe<Topic>;
  /** The topic vocabulary. */
  topics: TopicConnection;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryArticleArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryEntityArgs = {
  slug: Scalars['String']['input'];
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EventOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryExtractDraftArgs = {
  articleText: Scalars['String']['input'];
  dateline?: InputMaybe<Scalars['String']['input']>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryFigureClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  conflicting?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  metric?: InputMaybe<Scalars['String']['input']>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrganizationOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PersonOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PlaceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PlaceOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ProjectOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  published?: InputMaybe<DateRange>;
  query: Scalars['String']['input'];
  sort?: InputMaybe<SearchSort>;
  types?: InputMaybe<Array<SearchType>>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<StatementOrder>;
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryTopicArgs = {
  slug: Scalars['String']['input'];
};


/**
 * newsgraph: news articles kept verbatim, and what careful readers curated from
 * them — who said what, which figures were cited, which agreements exist between
 * whom — each fact tied to the exact words of the article that support it.
 *
 * Every list is a Relay cursor connection: page forwards with `first`/`after` or
 * backwards with `last`/`before`, at most 100 items a page. Every object with an
 * `id` can be fetched again with `node(id:)`.
 *
 * Text arguments are counted in characters (Unicode code points): a slug at
 * most 100, any other at most 500 unless its description says otherwise. None
 * may hold a NUL character (U+0000). A read that breaks either fails with
 * BAD_USER_INPUT naming the argument.
 */
export type QueryTopicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TopicOrder>;
};

/** How an article reports a statement. */
export type ReportingVerb =
  /** according to */
  | 'ACCORDING_TO'
  /** added */
  | 'ADDED'
  /** announced */
  | 'ANNOUNCED'
  /** emphasized */
  | 'EMPHASIZED'
  /** explained */
  | 'EXPLAINED'
  /** expressed hope */
  | 'EXPRESSED_HOPE'
  /** highlighted */
  | 'HIGHLIGHTED'
  /** noted */
  | 'NOTED'
  /** pointed out */
  | 'POINTED_OUT'
  /** said */
  | 'SAID'
  /** stated */
  | 'STATED'
  /** suggested */
  | 'SUGGESTED';

/** A page of search results, in the order the search asked for. */
export type SearchConnection = {
  __typename?: 'SearchConnection';
  /** How many results of each type searched the search returns, on all pages (zero counts included), in the order of `SearchType`. */
  counts: Array<SearchTypeCount>;
  /** The results of this page with their cursors, scores and snippets. */
  edges: Array<SearchEdge>;
  /** The results of this page. */
  nodes: Array<SearchResult>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many results the search returns, on all pages (at most 100 of each full-text type). */
  totalCount: Scalars['Int']['output'];
};

/** A search result, with why it matched. */
export type SearchEdge = {
  __typename?: 'SearchEdge';
  /** Pass to `after` or `before` to page from this result. */
  cursor: Scalars['String']['output'];
  /** The result. */
  node: SearchResult;
  /** How well it matches; higher is better. Comparable within one search only. */
  score: Scalars['Float']['output'];
  /**
   * The result's text with the matching words marked: all of it when it is short (280 characters or
   * fewer: a statement, a figure's metric and value, a name with its summary), else up to two
   * fragments of it around the matches, joined by " … ". An article's text is its best-matching paragraph.
   */
  snippet: Snippet;
};

/** What `search` can return. */
export type SearchResult = Agreement | Article | Event | Figure | Organization | Person | Place | Project | Statement | Topic;

/** The orders of search results. */
export type SearchSort =
  /** Newest first: articles by publication date, statements and figures by their article's, agreements and events by their own date; undated results last. */
  | 'NEWEST'
  /** Oldest first, by the same dates; undated results last. */
  | 'OLDEST'
  /** Best first: full-text matches by how close together and how prominent the words are in a shorter text, names by how exactly and how wholly they match (a name with a typo ranks below one without); ties by type, then newest first. */
  | 'RELEVANCE';

/** The types `search` can be limited to. */
export type SearchType =
  /** Agreements, by name and summary. */
  | 'AGREEMENT'
  /** Articles, by title, lede and text. */
  | 'ARTICLE'
  /** Events, by name and summary. */
  | 'EVENT'
  /** Figures, by metric and display. */
  | 'FIGURE'
  /** Organizations, by name or acronym, tolerating typos. */
  | 'ORGANIZATION'
  /** People, by name, tolerating typos. */
  | 'PERSON'
  /** Places, by name, tolerating typos. */
  | 'PLACE'
  /** Projects, by name and summary. */
  | 'PROJECT'
  /** Statements, by what was said and the speaker's role. */
  | 'STATEMENT'
  /** Topics, by label and description. */
  | 'TOPIC';

/** How many results of one type a search returns. */
export type SearchTypeCount = {
  __typename?: 'SearchTypeCount';
  /** How many results of that type the search returns, on all pages. */
  count: Scalars['Int']['output'];
  /** The type. */
  type: SearchType;
};

/** A piece of text with some ranges marked, such as the words a search matched. */
export type Snippet = {
  __typename?: 'Snippet';
  /** The marked ranges of `text`, in order; offsets count characters (Unicode code points), end exclusive. */
  highlights: Array<TextRange>;
  /** The text as HTML-escaped markup with each marked range wrapped in `<mark>`. */
  html: Scalars['String']['output'];
  /** The text, plain. */
  text: Scalars['String']['output'];
};

/** Who made a statement. */
export type Speaker = Organization | Person | UnnamedSpeaker;

/** Who made a statement: exactly one of person, organization and description. */
export type SpeakerInput = {
  /** Someone the article does not name, as it describes them (`a CSCEC staff member`); at most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An organization speaking as itself. */
  organization?: InputMaybe<Scalars['ID']['input']>;
  /** A named person. */
  person?: InputMaybe<Scalars['ID']['input']>;
  /** With description: the organization the unnamed speaker speaks for. */
  speaksFor?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * One claim attributed to a speaker in one article: quoted or paraphrased, with
 * the reporting verb the article uses and the exact words as evidence. A sentence
 * with two claims by the same speaker is two statements.
 */
export type Statement = Node & {
  __typename?: 'Statement';
  /** The article that reports it. */
  article: Article;
  /**
   * What was said, as one self-contained sentence close to the article's words,
   * with pronouns resolved ("they" becomes "Chinese enterprises"). `evidence`
   * holds the article's exact words.
   */
  content: Scalars['String']['output'];
  /** The event it was said at, when the article says. */
  event?: Maybe<Event>;
  /** The exact words of the article, one span for each paragraph they run through. */
  evidence: Array<Evidence>;
  /** The figures it states. */
  figures: Array<Figure>;
  /** The statement's global ID. */
  id: Scalars['ID']['output'];
  /** The people, organizations, places, projects and agreements it names or refers to. */
  mentions: Array<Entity>;
  /** Whether the article quotes the speaker or paraphrases them. */
  mode: StatementMode;
  /** The statement's place among the article's statements, in reading order, from 1. */
  position: Scalars['Int']['output'];
  /**
   * The other statements of the same named speaker that make the same claim:
   * the same words, case and punctuation aside, in any article, oldest first.
   * Empty for a speaker the article does not name. The first `first` of them
   * (1 to 100, 20 unless given).
   */
  sameClaimAs: Array<Statement>;
  /** Who made it: a person, an organization, or someone the article does not name. */
  speaker: Speaker;
  /** The affiliations that role refers to. */
  speakerAffiliations: Array<Affiliation>;
  /** The speaker's role as the article gives it at this point, verbatim. */
  speakerRole?: Maybe<Scalars['String']['output']>;
  /** The topics it is about. */
  topics: Array<Topic>;
  /** How the article reports it. */
  verb: ReportingVerb;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/**
 * One claim attributed to a speaker in one article: quoted or paraphrased, with
 * the reporting verb the article uses and the exact words as evidence. A sentence
 * with two claims by the same speaker is two statements.
 */
export type StatementSameClaimAsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Selects the statements a statementAdded subscription receives; fields combine with AND. */
export type StatementAddedFilter = {
  /** Made for any of these organizations (or their sub-organizations), by their people or unnamed staff. */
  speakerOrganizations?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Made by any of these people or organizations. */
  speakers?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** About any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A page of statements. */
export type StatementConnection = {
  __typename?: 'StatementConnection';
  /** The statements of this page with their cursors. */
  edges: Array<StatementEdge>;
  /**
   * Counts the statements the connection selects, grouped by one or two
   * dimensions: `groups(by: [TOPIC])` says how many statements there are per
   * topic. A statement is in one group for each value it has (a statement
   * tagged with two topics counts for both; with two dimensions, for each
   * pair), and in the group whose key has no value (`node` and `label` null)
   * when it has none. On the root `statements` connection it counts what the
   * filter selects; on a nested one (`person { statements(filter: ...) {
   * groups(by: [TOPIC]) { ... } } }`, an organization's, a topic's, an
   * article's) the parent's statements that the filter selects, and a list of
   * parents is answered for all of them at once. `first` and `last` do not
   * limit what is counted. Costs like a connection of `first` groups, plus
   * `AggregateCost` (50) for the scan, once for each parent of a nested
   * connection.
   */
  groups: Array<Group>;
  /** The statements of this page. */
  nodes: Array<Statement>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many statements match, on all pages. */
  totalCount: Scalars['Int']['output'];
};


/** A page of statements. */
export type StatementConnectionGroupsArgs = {
  by: Array<StatementDimension>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<GroupOrder>;
};

/** What statements can be grouped by. */
export type StatementDimension =
  /** The article that reports it. */
  | 'ARTICLE'
  /** The countries of those organizations and of the places of its role's affiliations. */
  | 'COUNTRY'
  /** Quoted or paraphrased. */
  | 'MODE'
  /** The organizations its speaker spoke for: the speaking organization, an unnamed speaker's organization, and those of the affiliations its role refers to. */
  | 'ORGANIZATION'
  /** The month its article was published (`2025-04`); articles dated only by year have no value. */
  | 'PUBLISHED_MONTH'
  /** The year its article was published. */
  | 'PUBLISHED_YEAR'
  /** Its speaker, a person or an organization; unnamed speakers have no value. */
  | 'SPEAKER'
  /** The topics it is tagged with (each topic on its own, not its broader topics). */
  | 'TOPIC'
  /** Its reporting verb (`SAID`). */
  | 'VERB';

/** A statement in a page, with its cursor. */
export type StatementEdge = {
  __typename?: 'StatementEdge';
  /** Pass to `after` or `before` to page from this statement. */
  cursor: Scalars['String']['output'];
  /** The statement. */
  node: Statement;
};

/** The curated fields of a statement. In an update, fields left out keep their stored values; null clears an optional one. */
export type StatementFields = {
  /** What was said (required); at most 10,000 characters. */
  content?: InputMaybe<Scalars['String']['input']>;
  /** The event at which it was said. */
  event?: InputMaybe<Scalars['ID']['input']>;
  /** The spans of the article that carry the statement (required). */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** Entities the statement names. */
  mentions?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Quoted or paraphrased (required). */
  mode?: InputMaybe<StatementMode>;
  /** Who made the statement (required). */
  speaker?: InputMaybe<SpeakerInput>;
  /** Affiliations of the speaker that the article cites with the statement; each must have evidence in the same article. */
  speakerAffiliations?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The speaker's role as the article gives it in this statement; at most 300 characters. */
  speakerRole?: InputMaybe<Scalars['String']['input']>;
  /** Topics the statement is about. */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How the article reports it (required). */
  verb?: InputMaybe<ReportingVerb>;
};

/**
 * Selects statements. Fields combine with AND; `and`, `or` and `not` combine
 * whole filters. An ID that names nothing is an error, not an empty page.
 */
export type StatementFilter = {
  /** Matches all of these filters. */
  and?: InputMaybe<Array<StatementFilter>>;
  /** In any of these articles. */
  articles?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Quoted or paraphrased. */
  mode?: InputMaybe<StatementMode>;
  /** Does not match this filter. */
  not?: InputMaybe<StatementFilter>;
  /** Matches at least one of these filters. */
  or?: InputMaybe<Array<StatementFilter>>;
  /** In articles published within this range. */
  published?: InputMaybe<DateRange>;
  /** Made by speakers tied to any of these countries: through their role's organization or place, or the organization they speak for. */
  speakerCountries?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Made by the organization, its people or its unnamed staff, for any of these organizations (or their sub-organizations). */
  speakerOrganizations?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Made by any of these people or organizations. */
  speakers?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Full-text search over what was said and the speaker's role; at most 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** About any of these topics (or their narrower topics). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Reported with any of these verbs. */
  verbs?: InputMaybe<Array<ReportingVerb>>;
};

/** Whether a statement is quoted or paraphrased. */
export type StatementMode =
  /** The article's rendering of what the speaker said. */
  | 'PARAPHRASE'
  /** The speaker's own words, in quotation marks. */
  | 'QUOTE';

/** Orders statements. */
export type StatementOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: StatementOrderField;
};

/** What statements can be ordered by. */
export type StatementOrderField =
  /** Article by article (in the order they were stored), each in reading order. */
  | 'ARTICLE'
  /** The publication date of the statement's article, then article by article in reading order (all of it reversed when descending); statements of undated articles come last. */
  | 'PUBLISHED'
  /** The speaker's name (an unnamed speaker's description), then the order they were stored in. */
  | 'SPEAKER';

/** The result of createStatement or updateStatement. */
export type StatementPayload = {
  __typename?: 'StatementPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The statement as stored; null when there are userErrors. */
  statement?: Maybe<Statement>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/**
 * Live updates over a websocket, with the graphql-transport-ws protocol. A
 * subscription receives every change committed after it starts, whichever
 * server replica made it.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each article imported or re-imported. */
  articleImported: Article;
  /**
   * Every change of these types (all when omitted) committed from now on:
   * articles imported and deleted; statements, figures, agreements, people,
   * organizations, places, events and projects added, updated and deleted
   * (through the API or `newsgraph import`; a re-import updates everything its
   * document declares); topics added, updated and deleted through the API.
   */
  changed: Change;
  /** Each figure added, or only those that match the filter. */
  figureAdded: Figure;
  /** Each statement added, or only those that match the filter. */
  statementAdded: Statement;
};


/**
 * Live updates over a websocket, with the graphql-transport-ws protocol. A
 * subscription receives every change committed after it starts, whichever
 * server replica made it.
 */
export type SubscriptionChangedArgs = {
  types?: InputMaybe<Array<ChangeType>>;
};


/**
 * Live updates over a websocket, with the graphql-transport-ws protocol. A
 * subscription receives every change committed after it starts, whichever
 * server replica made it.
 */
export type SubscriptionFigureAddedArgs = {
  filter?: InputMaybe<FigureAddedFilter>;
};


/**
 * Live updates over a websocket, with the graphql-transport-ws protocol. A
 * subscription receives every change committed after it starts, whichever
 * server replica made it.
 */
export type SubscriptionStatementAddedArgs = {
  filter?: InputMaybe<StatementAddedFilter>;
};

/** A range of characters in a text; `end` is exclusive. */
export type TextRange = {
  __typename?: 'TextRange';
  /** Where the range ends (exclusive). */
  end: Scalars['Int']['output'];
  /** Where the range starts, counting characters from 0. */
  start: Scalars['Int']['output'];
};

/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type Topic = Node & {
  __typename?: 'Topic';
  /** Agreements focused on this topic or a narrower one. */
  agreements: AgreementConnection;
  /** Articles tagged with this topic or a narrower one, newest first. */
  articles: ArticleConnection;
  /** The narrower topics under this one. */
  children: Array<Topic>;
  /** What the topic covers. */
  description?: Maybe<Scalars['String']['output']>;
  /** Events about this topic or a narrower one. */
  events: EventConnection;
  /** Figures tagged with this topic or a narrower one. */
  figures: FigureConnection;
  /** The topic's global ID. */
  id: Scalars['ID']['output'];
  /** The topic's name for people, e.g. `Digital economy`. */
  label: Scalars['String']['output'];
  /** The broader topic this one belongs to. */
  parent?: Maybe<Topic>;
  /** The topic's key, e.g. `digital-economy`. */
  slug: Scalars['String']['output'];
  /** Statements tagged with this topic or a narrower one. */
  statements: StatementConnection;
  /** Counts the changes made to it; an update must send the version it last read. */
  version: Scalars['Int']['output'];
};


/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type TopicAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type TopicArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type TopicEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EventOrder>;
};


/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type TopicFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<FigureOrder>;
};


/** A topic of the controlled vocabulary, tagged on articles, statements, figures, agreements and events. */
export type TopicStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<StatementOrder>;
};

/** A page of topics. */
export type TopicConnection = {
  __typename?: 'TopicConnection';
  /** The topics of this page with their cursors. */
  edges: Array<TopicEdge>;
  /** The topics of this page. */
  nodes: Array<Topic>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many topics there are, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A topic in a page, with its cursor. */
export type TopicEdge = {
  __typename?: 'TopicEdge';
  /** Pass to `after` or `before` to page from this topic. */
  cursor: Scalars['String']['output'];
  /** The topic. */
  node: Topic;
};

/** The fields of a topic. In an update, fields left out keep their stored values; null clears an optional one. */
export type TopicFields = {
  /** What the topic covers; at most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Its label, unique among topics (required); at most 300 characters. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The broader topic. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Unique among topics (required): lowercase letters and digits joined by hyphens; at most 100 characters. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Orders topics. */
export type TopicOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: TopicOrderField;
};

/** What topics can be ordered by. */
export type TopicOrderField =
  /** The topic's label. */
  | 'LABEL';

/** The result of createTopic or updateTopic. */
export type TopicPayload = {
  __typename?: 'TopicPayload';
  /** The input's clientMutationId. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The topic as stored; null when there are userErrors. */
  topic?: Maybe<Topic>;
  /** What is wrong with the input; empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** Someone an article quotes without naming them, such as `a CSCEC staff member`. */
export type UnnamedSpeaker = {
  __typename?: 'UnnamedSpeaker';
  /** How the article describes the speaker. */
  description: Scalars['String']['output'];
  /** The organization the speaker speaks for, when the article says. */
  organization?: Maybe<Organization>;
};

/** Changes to an agreement. */
export type UpdateAgreementInput = {
  /** The fields to change. */
  agreement: AgreementFields;
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The agreement. */
  id: Scalars['ID']['input'];
  /** Where an article names it; replaces that article's evidence for it. */
  mention?: InputMaybe<MentionInput>;
  /** The version last read; if the agreement has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to an event. */
export type UpdateEventInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The fields to change. */
  event: EventFields;
  /** The event. */
  id: Scalars['ID']['input'];
  /** Where an article names it; replaces that article's evidence for it. */
  mention?: InputMaybe<MentionInput>;
  /** The version last read; if the event has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a figure. */
export type UpdateFigureInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The fields to change. */
  figure: FigureFields;
  /** The figure. */
  id: Scalars['ID']['input'];
  /** The version last read; if the figure has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to an organization. */
export type UpdateOrganizationInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The organization. */
  id: Scalars['ID']['input'];
  /** Where an article names it; replaces that article's evidence for it. */
  mention?: InputMaybe<MentionInput>;
  /** The fields to change. */
  organization: OrganizationFields;
  /** The version last read; if the organization has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a person. */
export type UpdatePersonInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The person. */
  id: Scalars['ID']['input'];
  /** Where an article names them; replaces that article's evidence for them. */
  mention?: InputMaybe<MentionInput>;
  /** The fields to change. */
  person: PersonFields;
  /** The version last read; if the person has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a place. */
export type UpdatePlaceInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The place. */
  id: Scalars['ID']['input'];
  /** Where an article names it; replaces that article's evidence for it. */
  mention?: InputMaybe<MentionInput>;
  /** The fields to change. */
  place: PlaceFields;
  /** The version last read; if the place has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a project. */
export type UpdateProjectInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The project. */
  id: Scalars['ID']['input'];
  /** Where an article names it; replaces that article's evidence for it. */
  mention?: InputMaybe<MentionInput>;
  /** The fields to change. */
  project: ProjectFields;
  /** The version last read; if the project has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a statement. */
export type UpdateStatementInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The statement. */
  id: Scalars['ID']['input'];
  /** The fields to change. */
  statement: StatementFields;
  /** The version last read; if the statement has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Changes to a topic. */
export type UpdateTopicInput = {
  /** Any string; the payload returns it unchanged; at most 500 characters. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The topic. */
  id: Scalars['ID']['input'];
  /** The fields to change. */
  topic: TopicFields;
  /** The version last read; if the topic has changed since, the update fails with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Something wrong with a mutation's input. */
export type UserError = {
  __typename?: 'UserError';
  /** What kind of problem it is. */
  code: UserErrorCode;
  /** What is wrong, in words. */
  message: Scalars['String']['output'];
  /** Where in the input, such as `statements[3].evidence[0]`; empty for the input as a whole. */
  path: Scalars['String']['output'];
};

/** What kind of problem a user error is. */
export type UserErrorCode =
  /** The input clashes with stored data. */
  | 'CONFLICT'
  /** The input is malformed or breaks a rule. */
  | 'INVALID'
  /** The input refers to something that does not exist. */
  | 'NOT_FOUND';

export type ReaderArticlesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type ReaderArticlesQuery = { __typename?: 'Query', articles: { __typename?: 'ArticleConnection', totalCount: number, nodes: Array<{ __typename?: 'Article', id: string, slug: string, title?: string | null, lede?: string | null, published?: { __typename?: 'PartialDate', text: string } | null }> } };

export type ReaderSearchQueryVariables = Exact<{
  query: Scalars['String']['input'];
}>;


export type ReaderSearchQuery = { __typename?: 'Query', search: { __typename?: 'SearchConnection', edges: Array<{ __typename?: 'SearchEdge', snippet: { __typename?: 'Snippet', text: string }, node: { __typename: 'Agreement' } | { __typename: 'Article', id: string, slug: string, title?: string | null, lede?: string | null, published?: { __typename?: 'PartialDate', text: string } | null } | { __typename: 'Event' } | { __typename: 'Figure' } | { __typename: 'Organization' } | { __typename: 'Person' } | { __typename: 'Place' } | { __typename: 'Project' } | { __typename: 'Statement' } | { __typename: 'Topic' } }> } };

export type ReaderSpanFragment = { __typename?: 'Evidence', startUtf16: number, endUtf16: number, text: string, paragraph: { __typename?: 'Paragraph', id: string } };

export type ReaderArticleQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type ReaderArticleQuery = { __typename?: 'Query', article?: { __typename?: 'Article', id: string, slug: string, title?: string | null, published?: { __typename?: 'PartialDate', text: string } | null, paragraphs: Array<{ __typename?: 'Paragraph', id: string, position: number, kind: ParagraphKind, text: string }>, statements: { __typename?: 'StatementConnection', nodes: Array<{ __typename?: 'Statement', id: string, verb: ReportingVerb, content: string, speakerRole?: string | null, speaker: { __typename: 'Organization', slug: string, name: string } | { __typename: 'Person', slug: string, displayName: string } | { __typename: 'UnnamedSpeaker', description: string, organization?: { __typename?: 'Organization', slug: string, name: string } | null }, evidence: Array<{ __typename?: 'Evidence', startUtf16: number, endUtf16: number, text: string, paragraph: { __typename?: 'Paragraph', id: string } }> }> }, figures: { __typename?: 'FigureConnection', nodes: Array<{ __typename?: 'Figure', id: string, metric: string, display: string, value?: string | null, unit: FigureUnit, currency?: string | null, period?: { __typename?: 'PartialDate', text: string } | null, comparedWith?: { __typename?: 'PartialDate', text: string } | null, subject: { __typename?: 'Agreement', slug: string, name: string } | { __typename?: 'Event', slug: string, name: string } | { __typename?: 'Organization', slug: string, name: string } | { __typename?: 'Person', slug: string, name: string } | { __typename?: 'Place', slug: string, name: string } | { __typename?: 'Project', slug: string, name: string }, evidence: Array<{ __typename?: 'Evidence', startUtf16: number, endUtf16: number, text: string, paragraph: { __typename?: 'Paragraph', id: string } }> }> }, agreements: { __typename?: 'AgreementConnection', nodes: Array<{ __typename?: 'Agreement', id: string, name: string, kind: AgreementKind, status?: AgreementStatus | null, parties: Array<{ __typename?: 'AgreementParty', role: PartyRole, entity: { __typename?: 'Agreement', slug: string, name: string } | { __typename?: 'Event', slug: string, name: string } | { __typename?: 'Organization', slug: string, name: string } | { __typename?: 'Person', slug: string, name: string } | { __typename?: 'Place', slug: string, name: string } | { __typename?: 'Project', slug: string, name: string } }>, evidence: Array<{ __typename?: 'Evidence', startUtf16: number, endUtf16: number, text: string, paragraph: { __typename?: 'Paragraph', id: string } }> }> } } | null };

export type ReaderEntityQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type ReaderEntityQuery = { __typename?: 'Query', entity?: { __typename: 'Agreement', id: string, slug: string, name: string } | { __typename: 'Event', id: string, slug: string, name: string } | { __typename: 'Organization', id: string, slug: string, name: string } | { __typename: 'Person', displayName: string, id: string, slug: string, name: string } | { __typename: 'Place', id: string, slug: string, name: string } | { __typename: 'Project', id: string, slug: string, name: string } | null };

export type ReaderEntityStatementsQueryVariables = Exact<{
  speaker: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReaderEntityStatementsQuery = { __typename?: 'Query', statements: { __typename?: 'StatementConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Statement', id: string, verb: ReportingVerb, content: string, article: { __typename?: 'Article', slug: string, title?: string | null, published?: { __typename?: 'PartialDate', text: string } | null } }> } };

export type ReaderEntityTopicsQueryVariables = Exact<{
  speaker: Scalars['ID']['input'];
}>;


export type ReaderEntityTopicsQuery = { __typename?: 'Query', statements: { __typename?: 'StatementConnection', nodes: Array<{ __typename?: 'Statement', id: string, topics: Array<{ __typename?: 'Topic', slug: string, label: string }> }> } };

export type ReaderStatementAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReaderStatementAddedSubscription = { __typename?: 'Subscription', statementAdded: { __typename?: 'Statement', id: string, article: { __typename?: 'Article', slug: string }, speaker: { __typename?: 'Organization', id: string } | { __typename?: 'Person', id: string } | { __typename?: 'UnnamedSpeaker' } } };

export const ReaderSpanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReaderSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Evidence"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startUtf16"}},{"kind":"Field","name":{"kind":"Name","value":"endUtf16"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"paragraph"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReaderSpanFragment, unknown>;
export const ReaderArticlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lede"}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReaderArticlesQuery, ReaderArticlesQueryVariables>;
export const ReaderSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ARTICLE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snippet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lede"}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReaderSearchQuery, ReaderSearchQueryVariables>;
export const ReaderArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paragraphs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"speakerRole"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnnamedSpeaker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReaderSpan"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReaderSpan"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReaderSpan"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReaderSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Evidence"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startUtf16"}},{"kind":"Field","name":{"kind":"Name","value":"endUtf16"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"paragraph"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReaderArticleQuery, ReaderArticleQueryVariables>;
export const ReaderEntityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderEntity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<ReaderEntityQuery, ReaderEntityQueryVariables>;
export const ReaderEntityStatementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderEntityStatements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"speaker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"speakers"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"speaker"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"PUBLISHED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReaderEntityStatementsQuery, ReaderEntityStatementsQueryVariables>;
export const ReaderEntityTopicsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReaderEntityTopics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"speaker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"speakers"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"speaker"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReaderEntityTopicsQuery, ReaderEntityTopicsQueryVariables>;
export const ReaderStatementAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReaderStatementAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statementAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReaderStatementAddedSubscription, ReaderStatementAddedSubscriptionVariables>;