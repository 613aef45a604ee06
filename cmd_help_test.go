package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestHelp checks that `newsgraph -h` and its spellings list every command
// with a one-line description and succeed, and that `newsgraph CMD -h`
// shows CMD's usage and succeeds too.
func TestHelp(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out bytes.Buffer
			if err := run(context.Background(), args, &out, logger); err != nil {
				t.Fatalf("got error %v; want none", err)
			}
			got := out.String()
			for _, c := range commands {
				line := ""
				for l := range strings.Lines(got) {
					if strings.HasPrefix(strings.TrimSpace(l), "newsgraph "+c.name) {
						line = l
					}
				}
				if line == "" || !strings.Contains(line, c.summary) {
					t.Errorf("no line for %s with %q in:\n%s", c.name, c.summary, got)
				}
			}
		})
	}
	for _, c := range commands {
		t.Run(c.name+" -h", func(t *testing.T) {
			var out bytes.Buffer
			if err := run(context.Background(), []string{c.name, "-h"}, &out, logger); err != nil {
				t.Fatalf("got error %v; want none", err)
			}
			if !strings.Contains(out.String(), "newsgraph "+c.name) {
				t.Errorf("got %q; want the usage of newsgraph %s", out.String(), c.name)
			}
		})
	}
	t.Run("EveryCommandListed", func(t *testing.T) {
		err := run(context.Background(), []string{"nosuchcommand"}, io.Discard, logger)
		if err == nil {
			t.Fatal("got no error for an unknown command")
		}
		for _, c := range commands {
			if !strings.Contains(err.Error(), c.name) {
				t.Errorf("the unknown-command error %q does not name %s", err, c.name)
			}
		}
	})
}

// TestBrowserURL checks the URL the startup log line offers for an address.
func TestBrowserURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":          "http://localhost:8080/",
		"0.0.0.0:80":     "http://localhost:80/",
		"[::]:9000":      "http://localhost:9000/",
		"127.0.0.1:8089": "http://127.0.0.1:8089/",
		"example.org:1":  "http://example.org:1/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		if got := browserURL(addr); got != want {
			t.Errorf("browserURL(%q) = %q; want %q", addr, got, want)
		}
	}
}

// TestStartupLogsURLs checks that serve logs the URLs of the playground
// and the reader, ready to open in a browser.
func TestStartupLogsURLs(t *testing.T) {
	d := dbtest.New(t)
	var logs syncBuffer
	base, _ := startServe(t, d.URL, &logs)
	eventually(t, 10*time.Second, "the URL logged", func() error {
		for line := range strings.Lines(logs.String()) {
			var entry struct{ Msg, Playground, Reader string }
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Playground != "" {
				if entry.Playground != base+"/" || entry.Reader != base+"/reader/" {
					t.Fatalf("logged playground %q and reader %q; want %q and %q", entry.Playground, entry.Reader, base+"/", base+"/reader/")
				}
				return nil
			}
		}
		return fmt.Errorf("no log line with the playground's URL in:\n%s", logs.String())
	})
}
