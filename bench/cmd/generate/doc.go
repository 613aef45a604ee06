// Command generate creates and migrates a database if needed and fills it
// with a synthetic corpus (corpus.Generate), for `make bench`:
//
//	go run ./bench/cmd/generate [-database-url URL] [-articles N] [-seed S] [-reset] [-reuse] [-connections N] [-no-freeze]
//
// The database comes from -database-url, else DATABASE_URL, else
// pg.DefaultURL.
package main
