package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"

	"github.com/newsgraph/newsgraph/graph/internal/npmgen"
)

// srcDir holds the npm project and assetsDir receives the files; both are
// relative to graph/playground, the directory go generate runs gen in.
const (
	srcDir    = "gen"
	assetsDir = "assets"
)

// npmFiles lists the files copied into assetsDir: pkg is the npm package,
// src the file inside it and dst the name it gets in assetsDir.
var npmFiles = []struct{ pkg, src, dst string }{
	{"react", "umd/react.production.min.js", "react.production.min.js"},
	{"react-dom", "umd/react-dom.production.min.js", "react-dom.production.min.js"},
	{"graphiql", "graphiql.min.js", "graphiql.min.js"},
	{"graphiql", "graphiql.min.css", "graphiql.min.css"},
	{"@graphiql/plugin-explorer", "dist/index.umd.js", "plugin-explorer.umd.js"},
	{"@graphiql/plugin-explorer", "dist/style.css", "plugin-explorer.css"},
}

// npmProjectFiles are the files of srcDir that npm ci needs.
var npmProjectFiles = []string{"package.json", "package-lock.json", ".npmrc"}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	if _, err := os.Stat(filepath.Join(srcDir, "package-lock.json")); err != nil {
		return fmt.Errorf("run gen from graph/playground, as go generate does: %w", err)
	}
	work, err := os.MkdirTemp("", "playground-assets-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	for _, name := range npmProjectFiles {
		if err := npmgen.CopyFile(filepath.Join(srcDir, name), filepath.Join(work, name)); err != nil {
			return err
		}
	}
	if err := npmgen.Run("the playground", work, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"); err != nil {
		return err
	}

	modules := filepath.Join(work, "node_modules")
	licenses, err := npmgen.Licenses(modules, "Third-party software embedded in the newsgraph GraphiQL playground.", licensed())
	if err != nil {
		return err
	}
	if err := os.RemoveAll(assetsDir); err != nil {
		return err
	}
	if err := os.Mkdir(assetsDir, 0o755); err != nil {
		return err
	}
	for _, f := range npmFiles {
		src := filepath.Join(modules, filepath.FromSlash(f.pkg), filepath.FromSlash(f.src))
		if err := npmgen.CopyFile(src, filepath.Join(assetsDir, f.dst)); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(assetsDir, "LICENSES.txt"), []byte(licenses), 0o644)
}

// licensed lists the packages npmFiles copies from, in the order it first
// names them.
func licensed() []string {
	var pkgs []string
	for _, f := range npmFiles {
		if !slices.Contains(pkgs, f.pkg) {
			pkgs = append(pkgs, f.pkg)
		}
	}
	return pkgs
}
