package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// browserTestDir holds the browser tests' npm project; npm installs it
// into browserWorkDir, which git ignores.
const (
	browserTestDir = "graph/reader/browsertest"
	browserWorkDir = "bin/browsertest"
	screenshotDir  = "bin/screenshots"
)

// TestBrowser serves a fresh, seeded database and drives the reader and
// the playground in Chromium (graph/reader/browsertest/run.mjs): the reader lists the
// seed articles, highlights Malaysia's GDP growth at its words, follows a
// speaker to their page and shows a statement created through the API
// without a reload; the playground loads offline and runs a query.
// Screenshots go to bin/screenshots/. It needs node and npm, and Chromium
// at /usr/bin/chromium or $CHROMIUM (Debian's package chromium, which
// .ci/run installs); it fails without them.
func TestBrowser(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed for the browser tests: %v", err)
	}
	chromium := envOr("CHROMIUM", "/usr/bin/chromium")
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("Chromium is needed for the browser tests (apt-get install chromium, or set CHROMIUM): %v", err)
	}
	work := installBrowserTests(t)

	const token = "browser-test-token-0123456789abcdef"
	t.Setenv("NEWSGRAPH_API_TOKENS", "browser="+token)
	d := dbtest.New(t)
	var logs syncBuffer
	base, _ := startServe(t, d.URL, &logs)
	eventually(t, 30*time.Second, "ready", func() error {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusOK {
			return fmt.Errorf("/readyz %d, %v", status, err)
		}
		return nil
	})

	shots, err := filepath.Abs(screenshotDir)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "run.mjs", base, token, shots)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("node run.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("the browser tests failed (%v); screenshots in %s; server log:\n%s", err, shots, logs.String())
	}
	for _, name := range []string{"reader-articles.png", "reader-article.png", "reader-speaker.png", "reader-live.png", "playground.png"} {
		if fi, err := os.Stat(filepath.Join(shots, name)); err != nil || fi.Size() == 0 {
			t.Errorf("screenshot %s: %v; want it saved", name, err)
		}
	}
}

// installBrowserTests copies the browser tests' npm project into
// bin/browsertest and runs npm ci there when its lock file changed since
// the last install, and returns the directory.
func installBrowserTests(t *testing.T) string {
	t.Helper()
	if err := os.MkdirAll(browserWorkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"package.json", "package-lock.json", ".npmrc", "run.mjs"} {
		data, err := os.ReadFile(filepath.Join(browserTestDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(browserWorkDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := os.ReadFile(filepath.Join(browserTestDir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(lock)
	stamp := filepath.Join(browserWorkDir, "node_modules", ".installed-lock-sha256")
	if got, err := os.ReadFile(stamp); err == nil && bytes.Equal(got, []byte(hex.EncodeToString(sum[:]))) {
		return browserWorkDir
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Fatalf("npm is needed to install the browser tests' packages: %v", err)
	}
	cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = browserWorkDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", browserWorkDir, err, out)
	}
	if err := os.WriteFile(stamp, []byte(hex.EncodeToString(sum[:])), 0o644); err != nil {
		t.Fatal(err)
	}
	return browserWorkDir
}
