// Command gen rewrites graph/playground/assets from the npm packages pinned
// in package.json and package-lock.json beside it. It is meant to be run by
// go generate, which starts it in graph/playground:
//
//	go generate ./graph/playground/
//
// gen runs `npm ci` in a temporary directory, so node_modules never appears
// in the work tree, and then replaces the assets directory with the browser
// bundles the playground page loads, copied byte for byte, plus
// LICENSES.txt with the license texts of the packages they come from. As
// npm ci checks every tarball against the integrity hash in the lock file,
// running gen again reproduces the same files.
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
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("npm is needed to fetch the playground assets: %w", err)
	}

	work, err := os.MkdirTemp("", "playground-assets-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	for _, name := range npmProjectFiles {
		if err := copyFile(filepath.Join(srcDir, name), filepath.Join(work, name)); err != nil {
			return err
		}
	}
	cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = work
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci: %w", err)
	}

	modules := filepath.Join(work, "node_modules")
	licenses, err := licenseText(modules)
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
		if err := copyFile(src, filepath.Join(assetsDir, f.dst)); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(assetsDir, "LICENSES.txt"), []byte(licenses), 0o644)
}

// licenseText returns, for each package that npmFiles copies from, in the
// order npmFiles first names it, a heading with its name, version and
// declared license followed by the license file it ships, if any.
func licenseText(modules string) (string, error) {
	var b strings.Builder
	b.WriteString("Third-party software embedded in the newsgraph GraphiQL playground.\n")
	seen := map[string]bool{}
	for _, f := range npmFiles {
		if seen[f.pkg] {
			continue
		}
		seen[f.pkg] = true
		dir := filepath.Join(modules, filepath.FromSlash(f.pkg))
		data, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err != nil {
			return "", err
		}
		var meta struct{ Name, Version, License string }
		if err := json.Unmarshal(data, &meta); err != nil {
			return "", fmt.Errorf("%s/package.json: %w", f.pkg, err)
		}
		fmt.Fprintf(&b, "\n==== %s %s (%s) ====\n\n", meta.Name, meta.Version, meta.License)
		text, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
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

// copyFile writes the contents of src to dst with mode 0644 rather than
// whatever mode npm left on src.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
