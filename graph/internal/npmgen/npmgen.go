package npmgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Run runs the command args (npm or npx and its arguments) in dir, its
// output on stderr. what names the build in the error when the command is
// not installed.
func Run(what, dir string, args ...string) error {
	path, err := exec.LookPath(args[0])
	if err != nil {
		return fmt.Errorf("%s is needed to build %s: %w", args[0], what, err)
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

// CopyFile writes the contents of src to dst with mode 0644, rather than
// whatever mode npm left on src.
func CopyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// Licenses returns heading and then, for each of pkgs (installed under
// modules, the node_modules folder), a line with its name, version and
// declared license followed by the license file it ships, if any.
func Licenses(modules, heading string, pkgs []string) (string, error) {
	var b strings.Builder
	b.WriteString(heading + "\n")
	for _, pkg := range pkgs {
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
