// Command newsgraph serves curated news articles as a typed GraphQL API.
//
//	newsgraph [serve]              create, migrate and seed the database if needed, then serve
//	newsgraph migrate up|down N|version
//	newsgraph seed [-check] [DIR]  load curated documents (default: the embedded seeds)
//	newsgraph import [-as NAME] FILE|DIR ...  import documents, audited, as the importArticle mutation does
//	newsgraph extract [-o FILE.yaml] FILE.txt  draft a curated document from an article's raw text
//	newsgraph token NAME           print a new API token and its line for NEWSGRAPH_API_TOKENS_FILE
//	newsgraph bench [flags]        drive a running server with the canonical operations
//
// Configuration comes from flags or the environment (DATABASE_URL, ADDR,
// ...); `newsgraph serve -h` and README.md list them.
package main
