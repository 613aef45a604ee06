/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ReaderArticles($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      nodes { id slug title lede published { text } }\n    }\n  }\n": typeof types.ReaderArticlesDocument,
    "\n  query ReaderSearch($query: String!) {\n    search(query: $query, types: [ARTICLE], first: 20) {\n      edges {\n        snippet { text }\n        node { __typename ... on Article { id slug title lede published { text } } }\n      }\n    }\n  }\n": typeof types.ReaderSearchDocument,
    "\n  fragment ReaderSpan on Evidence { startUtf16 endUtf16 text paragraph { id } }\n": typeof types.ReaderSpanFragmentDoc,
    "\n  query ReaderArticle($slug: String!) {\n    article(slug: $slug) {\n      id slug title published { text }\n      paragraphs { id position kind text }\n      statements(first: 100) {\n        nodes {\n          id verb content speakerRole\n          speaker {\n            __typename\n            ... on Person { slug displayName }\n            ... on Organization { slug name }\n            ... on UnnamedSpeaker { description organization { slug name } }\n          }\n          evidence { ...ReaderSpan }\n        }\n      }\n      figures(first: 100) {\n        nodes {\n          id metric display value unit currency\n          period { text } comparedWith { text }\n          subject { slug name }\n          evidence { ...ReaderSpan }\n        }\n      }\n      agreements(first: 100) {\n        nodes {\n          id name kind status\n          parties { role entity { slug name } }\n          evidence { ...ReaderSpan }\n        }\n      }\n    }\n  }\n": typeof types.ReaderArticleDocument,
    "\n  query ReaderEntity($slug: String!) {\n    entity(slug: $slug) {\n      __typename id slug name\n      ... on Person { displayName }\n    }\n  }\n": typeof types.ReaderEntityDocument,
    "\n  query ReaderEntityStatements($speaker: ID!, $first: Int!, $after: String) {\n    statements(filter: { speakers: [$speaker] }, orderBy: { field: PUBLISHED, direction: DESC }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id verb content\n        article { slug title published { text } }\n      }\n    }\n  }\n": typeof types.ReaderEntityStatementsDocument,
    "\n  query ReaderEntityTopics($speaker: ID!) {\n    statements(filter: { speakers: [$speaker] }, first: 100) {\n      nodes { id topics { slug label } }\n    }\n  }\n": typeof types.ReaderEntityTopicsDocument,
    "\n  subscription ReaderStatementAdded {\n    statementAdded { id article { slug } speaker { ... on Person { id } ... on Organization { id } } }\n  }\n": typeof types.ReaderStatementAddedDocument,
};
const documents: Documents = {
    "\n  query ReaderArticles($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      nodes { id slug title lede published { text } }\n    }\n  }\n": types.ReaderArticlesDocument,
    "\n  query ReaderSearch($query: String!) {\n    search(query: $query, types: [ARTICLE], first: 20) {\n      edges {\n        snippet { text }\n        node { __typename ... on Article { id slug title lede published { text } } }\n      }\n    }\n  }\n": types.ReaderSearchDocument,
    "\n  fragment ReaderSpan on Evidence { startUtf16 endUtf16 text paragraph { id } }\n": types.ReaderSpanFragmentDoc,
    "\n  query ReaderArticle($slug: String!) {\n    article(slug: $slug) {\n      id slug title published { text }\n      paragraphs { id position kind text }\n      statements(first: 100) {\n        nodes {\n          id verb content speakerRole\n          speaker {\n            __typename\n            ... on Person { slug displayName }\n            ... on Organization { slug name }\n            ... on UnnamedSpeaker { description organization { slug name } }\n          }\n          evidence { ...ReaderSpan }\n        }\n      }\n      figures(first: 100) {\n        nodes {\n          id metric display value unit currency\n          period { text } comparedWith { text }\n          subject { slug name }\n          evidence { ...ReaderSpan }\n        }\n      }\n      agreements(first: 100) {\n        nodes {\n          id name kind status\n          parties { role entity { slug name } }\n          evidence { ...ReaderSpan }\n        }\n      }\n    }\n  }\n": types.ReaderArticleDocument,
    "\n  query ReaderEntity($slug: String!) {\n    entity(slug: $slug) {\n      __typename id slug name\n      ... on Person { displayName }\n    }\n  }\n": types.ReaderEntityDocument,
    "\n  query ReaderEntityStatements($speaker: ID!, $first: Int!, $after: String) {\n    statements(filter: { speakers: [$speaker] }, orderBy: { field: PUBLISHED, direction: DESC }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id verb content\n        article { slug title published { text } }\n      }\n    }\n  }\n": types.ReaderEntityStatementsDocument,
    "\n  query ReaderEntityTopics($speaker: ID!) {\n    statements(filter: { speakers: [$speaker] }, first: 100) {\n      nodes { id topics { slug label } }\n    }\n  }\n": types.ReaderEntityTopicsDocument,
    "\n  subscription ReaderStatementAdded {\n    statementAdded { id article { slug } speaker { ... on Person { id } ... on Organization { id } } }\n  }\n": types.ReaderStatementAddedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderArticles($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      nodes { id slug title lede published { text } }\n    }\n  }\n"): (typeof documents)["\n  query ReaderArticles($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      nodes { id slug title lede published { text } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderSearch($query: String!) {\n    search(query: $query, types: [ARTICLE], first: 20) {\n      edges {\n        snippet { text }\n        node { __typename ... on Article { id slug title lede published { text } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReaderSearch($query: String!) {\n    search(query: $query, types: [ARTICLE], first: 20) {\n      edges {\n        snippet { text }\n        node { __typename ... on Article { id slug title lede published { text } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReaderSpan on Evidence { startUtf16 endUtf16 text paragraph { id } }\n"): (typeof documents)["\n  fragment ReaderSpan on Evidence { startUtf16 endUtf16 text paragraph { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderArticle($slug: String!) {\n    article(slug: $slug) {\n      id slug title published { text }\n      paragraphs { id position kind text }\n      statements(first: 100) {\n        nodes {\n          id verb content speakerRole\n          speaker {\n            __typename\n            ... on Person { slug displayName }\n            ... on Organization { slug name }\n            ... on UnnamedSpeaker { description organization { slug name } }\n          }\n          evidence { ...ReaderSpan }\n        }\n      }\n      figures(first: 100) {\n        nodes {\n          id metric display value unit currency\n          period { text } comparedWith { text }\n          subject { slug name }\n          evidence { ...ReaderSpan }\n        }\n      }\n      agreements(first: 100) {\n        nodes {\n          id name kind status\n          parties { role entity { slug name } }\n          evidence { ...ReaderSpan }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReaderArticle($slug: String!) {\n    article(slug: $slug) {\n      id slug title published { text }\n      paragraphs { id position kind text }\n      statements(first: 100) {\n        nodes {\n          id verb content speakerRole\n          speaker {\n            __typename\n            ... on Person { slug displayName }\n            ... on Organization { slug name }\n            ... on UnnamedSpeaker { description organization { slug name } }\n          }\n          evidence { ...ReaderSpan }\n        }\n      }\n      figures(first: 100) {\n        nodes {\n          id metric display value unit currency\n          period { text } comparedWith { text }\n          subject { slug name }\n          evidence { ...ReaderSpan }\n        }\n      }\n      agreements(first: 100) {\n        nodes {\n          id name kind status\n          parties { role entity { slug name } }\n          evidence { ...ReaderSpan }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderEntity($slug: String!) {\n    entity(slug: $slug) {\n      __typename id slug name\n      ... on Person { displayName }\n    }\n  }\n"): (typeof documents)["\n  query ReaderEntity($slug: String!) {\n    entity(slug: $slug) {\n      __typename id slug name\n      ... on Person { displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderEntityStatements($speaker: ID!, $first: Int!, $after: String) {\n    statements(filter: { speakers: [$speaker] }, orderBy: { field: PUBLISHED, direction: DESC }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id verb content\n        article { slug title published { text } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReaderEntityStatements($speaker: ID!, $first: Int!, $after: String) {\n    statements(filter: { speakers: [$speaker] }, orderBy: { field: PUBLISHED, direction: DESC }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id verb content\n        article { slug title published { text } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderEntityTopics($speaker: ID!) {\n    statements(filter: { speakers: [$speaker] }, first: 100) {\n      nodes { id topics { slug label } }\n    }\n  }\n"): (typeof documents)["\n  query ReaderEntityTopics($speaker: ID!) {\n    statements(filter: { speakers: [$speaker] }, first: 100) {\n      nodes { id topics { slug label } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReaderStatementAdded {\n    statementAdded { id article { slug } speaker { ... on Person { id } ... on Organization { id } } }\n  }\n"): (typeof documents)["\n  subscription ReaderStatementAdded {\n    statementAdded { id article { slug } speaker { ... on Person { id } ... on Organization { id } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;