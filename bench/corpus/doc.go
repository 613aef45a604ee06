// Package corpus is the synthetic corpus generator behind `make bench`
// (bench/cmd/generate): a deterministic (per seed) corpus of articles with
// paragraphs, people, organizations, places, topics, agreements,
// statements, figures and evidence, shaped like the curated seeds and
// skewed like real news (a few prolific speakers and popular organizations,
// popular topics), for load tests and for query plans at scale.
//
// It is a bulk loader, and so it speaks its own SQL rather than db's API:
// it empties the tables, sets their indexes, keys and the evidence trigger
// aside (recording them in the database's comment), COPYs the rows with
// FREEZE on several connections of its own (pg.Connect, with session
// settings no request connection should have), then rebuilds and checks
// what it set aside. The row-at-a-time writes of db would take hours at
// the default 100,000 articles.
//
// It is not part of the server: nothing under graph/ or the newsgraph
// binary imports it. It knows the schema of db/migrations, and must change
// (with generatorVersion) when that schema does.
package corpus
