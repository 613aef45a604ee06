// Package seeds holds newsgraph's curated dataset: the verbatim text of each
// article and one curated document per article, plus the shared catalog
// (see README.md in this folder). It is data only: its subpackage
// document, the format the documents are written in, reads and validates
// them (document.Read(seeds.FS)), and db/curate writes them.
package seeds
