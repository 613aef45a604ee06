package seeds

import "embed"

// FS is the dataset compiled into the binary.
//
//go:embed catalog.yaml articles
var FS embed.FS
