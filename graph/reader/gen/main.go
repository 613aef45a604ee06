// Command gen builds graph/reader/assets from the TypeScript sources in
// src/ and the npm packages pinned in package.json and package-lock.json
// beside it. It is meant to be run by go generate, which starts it in
// graph/reader:
//
//	go generate ./graph/reader/
//
// In a temporary directory, so node_modules never appears in the work tree,
// gen runs `npm ci`, then graphql-codegen over graph/schema/*.graphqls and
// the operations in src/ (the generated types are copied back into
// src/gql/ and committed), tsc to check the types, and esbuild to bundle
// src/main.ts. It writes assets/reader.js, assets/reader.css and
// assets/LICENSES.txt, the licenses of the packages bundled. npm ci checks
// every tarball against the lock file, so running gen again reproduces the
// same files.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
		if err := copyFile(filepath.Join(srcDir, name), filepath.Join(work, name)); err != nil {
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
		if err := copyFile(s, filepath.Join(work, "schema", filepath.Base(s))); err != nil {
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
		if err := npm(work, args...); err != nil {
			return err
		}
	}

	licenses, err := licenseText(filepath.Join(work, "node_modules"))
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
	if err := copyFile(filepath.Join(out, "reader.js"), filepath.Join(assetsDir, "reader.js")); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(srcDir, "src", "reader.css"), filepath.Join(assetsDir, "reader.css")); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(assetsDir, "LICENSES.txt"), []byte(licenses), 0o644)
}

// npm runs an npm command in dir, its output on stderr.
func npm(dir string, args ...string) error {
	path, err := exec.LookPath(args[0])
	if err != nil {
		return fmt.Errorf("%s is needed to build the reader: %w", args[0], err)
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Dir = dir
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	return nil
}

// licenseText returns, for each bundled package, a heading with its name,
// version and declared license followed by the license file it ships.
func licenseText(modules string) (string, error) {
	var b strings.Builder
	b.WriteString("Third-party software bundled in the newsgraph reader (reader.js).\n")
	for _, pkg := range bundled {
		dir := filepath.Join(modules, filepath.FromSlash(pkg))
		data, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err != nil {
			return "", err
		}
		var meta struct{ Name, Version, License string }
		if err := json.Unmarshal(data, &meta); err != nil {
			return "", fmt.Errorf("%s/package.json: %w", pkg, err)
		}
		fmt.Fprintf(&b, "\n==== %s %s (%s) ====\n\n", meta.Name, meta.Version, meta.License)
		var text []byte
		for _, name := range []string{"LICENSE", "LICENSE.md", "license"} {
			if text, err = os.ReadFile(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
				break
			}
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			b.WriteString("The package ships no license file; its package.json declares the license above.\n")
		case err != nil:
			return "", err
		default:
			b.Write(text)
			if !strings.HasSuffix(string(text), "\n") {
				b.WriteString("\n")
			}
		}
	}
	return b.String(), nil
}

// copyFile writes the contents of src to dst with mode 0644.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
