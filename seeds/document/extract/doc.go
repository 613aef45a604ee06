// Package extract turns an article's raw text into a draft curated document
// (see seeds/README.md): people, organizations, places, events, agreements,
// statements and figures, each with evidence copied verbatim from the text
// and a review note a curator can sort by. It is deterministic and offline:
// rules and lexicons for English agency news, no model and no network.
//
// It does not validate or store anything; the draft is meant to be reviewed,
// edited and then loaded like any hand-written document.
package extract
