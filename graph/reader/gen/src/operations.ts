// The reader's GraphQL operations. graphql-codegen (codegen.ts) reads them
// and generates their result and variable types into src/gql/.
import { graphql } from "./gql";

export const ArticlesQuery = graphql(`
  query ReaderArticles($first: Int!) {
    articles(first: $first) {
      totalCount
      nodes { id slug title lede published { text } }
    }
  }
`);

export const SearchArticlesQuery = graphql(`
  query ReaderSearch($query: String!) {
    search(query: $query, types: [ARTICLE], first: 20) {
      edges {
        snippet { text }
        node { __typename ... on Article { id slug title lede published { text } } }
      }
    }
  }
`);

export const SpanFields = graphql(`
  fragment ReaderSpan on Evidence { startUtf16 endUtf16 text paragraph { id } }
`);

export const ArticleQuery = graphql(`
  query ReaderArticle($slug: String!) {
    article(slug: $slug) {
      id slug title published { text }
      paragraphs { id position kind text }
      statements(first: 100) {
        nodes {
          id verb content speakerRole
          speaker {
            __typename
            ... on Person { slug displayName }
            ... on Organization { slug name }
            ... on UnnamedSpeaker { description organization { slug name } }
          }
          evidence { ...ReaderSpan }
        }
      }
      figures(first: 100) {
        nodes {
          id metric display value unit currency
          period { text } comparedWith { text }
          subject { slug name }
          evidence { ...ReaderSpan }
        }
      }
      agreements(first: 100) {
        nodes {
          id name kind status
          parties { role entity { slug name } }
          evidence { ...ReaderSpan }
        }
      }
    }
  }
`);

export const EntityQuery = graphql(`
  query ReaderEntity($slug: String!) {
    entity(slug: $slug) {
      __typename id slug name
      ... on Person { displayName }
    }
  }
`);

export const EntityStatementsQuery = graphql(`
  query ReaderEntityStatements($speaker: ID!, $first: Int!, $after: String) {
    statements(filter: { speakers: [$speaker] }, orderBy: { field: PUBLISHED, direction: DESC }, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id verb content
        article { slug title published { text } }
      }
    }
  }
`);

export const EntityTopicsQuery = graphql(`
  query ReaderEntityTopics($speaker: ID!) {
    statements(filter: { speakers: [$speaker] }, first: 100) {
      nodes { id topics { slug label } }
    }
  }
`);

export const StatementAddedSubscription = graphql(`
  subscription ReaderStatementAdded {
    statementAdded { id article { slug } speaker { ... on Person { id } ... on Organization { id } } }
  }
`);
