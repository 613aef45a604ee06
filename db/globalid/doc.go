// Package globalid is the one place where the API's global IDs of stored
// rows are made and read: base64url("Type:id"), opaque to clients. The db
// package's rows give their own (Article.GlobalID, ...), so that the
// GraphQL executor reads an object's id as a plain method, without a
// resolver; package graph decodes the IDs clients send.
package globalid
