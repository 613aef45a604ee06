package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph/internal/npmgen"
)

// Paths relative to graph/reader, where go generate runs gen.
const (
	srcDir    = "gen"
	schemaDir = "../schema"
	assetsDir = "assets"
)

// projectFiles are the files of srcDir the build needs, besides src/.
var projectFiles = []string{"package.json", "package-lock.json", ".npmrc", "codegen.ts", "tsconfig.json"}

// bundled lists the npm packages whose code ends up in reader.js.
var bundled = []string{"@urql/core", "@0no-co/graphql.web", "wonka", "graphql-ws"}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	if _, err := os.Stat(filepath.Join(srcDir, "package-lock.json")); err != nil {
		return fmt.Errorf("run gen from graph/reader, as go generate does: %w", err)
	}
	work, err := os.MkdirTemp("", "reader-assets-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	for _, name := range projectFiles {
		if err := npmgen.CopyFile(filepath.Join(srcDir, name), filepath.Join(work, name)); err != nil {
			return err
		}
	}
	if err := os.CopyFS(filepath.Join(work, "src"), os.DirFS(filepath.Join(srcDir, "src"))); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(work, "src", "gql")); err != nil {
		return err
	}
	schemas, err := filepath.Glob(filepath.Join(schemaDir, "*.graphqls"))
	if err != nil || len(schemas) == 0 {
		return fmt.Errorf("no schema files in %s: %v", schemaDir, err)
	}
	if err := os.Mkdir(filepath.Join(work, "schema"), 0o755); err != nil {
		return err
	}
	for _, s := range schemas {
		if err := npmgen.CopyFile(s, filepath.Join(work, "schema", filepath.Base(s))); err != nil {
			return err
		}
	}

	out := filepath.Join(work, "out")
	for _, args := range [][]string{
		{"npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"},
		{"npx", "--no-install", "graphql-codegen", "--config", "codegen.ts"},
		{"npx", "--no-install", "tsc", "-p", "."},
		{"npx", "--no-install", "esbuild", "src/main.ts", "--bundle", "--minify", "--format=esm",
			"--target=es2022", "--charset=utf8", "--legal-comments=none", "--outfile=" + filepath.Join(out, "reader.js")},
	} {
		if err := npmgen.Run("the reader", work, args...); err != nil {
			return err
		}
	}

	licenses, err := npmgen.Licenses(filepath.Join(work, "node_modules"),
		"Third-party software bundled in the newsgraph reader (reader.js).", bundled)
	if err != nil {
		return err
	}
	gql := filepath.Join(srcDir, "src", "gql")
	if err := os.RemoveAll(gql); err != nil {
		return err
	}
	if err := os.CopyFS(gql, os.DirFS(filepath.Join(work, "src", "gql"))); err != nil {
		return err
	}
	if err := os.RemoveAll(assetsDir); err != nil {
		return err
	}
	if err := os.Mkdir(assetsDir, 0o755); err != nil {
		return err
	}
	if err := npmgen.CopyFile(filepath.Join(out, "reader.js"), filepath.Join(assetsDir, "reader.js")); err != nil {
		return err
	}
	if err := npmgen.CopyFile(filepath.Join(srcDir, "src", "reader.css"), filepath.Join(assetsDir, "reader.css")); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(assetsDir, "LICENSES.txt"), []byte(licenses), 0o644)
}
