// Package seeds holds newsgraph's curated dataset: the verbatim text of each
// article and one curated document per article, plus the shared catalog
// (see README.md in this folder). It is data only: package document reads
// the documents (document.Read(seeds.FS)), and package db validates and
// writes them.
package seeds
