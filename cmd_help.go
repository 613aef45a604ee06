package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
)

// commands lists newsgraph's commands for `newsgraph -h`, in the order it
// prints them.
var commands = []struct{ name, args, summary string }{
	{"serve", "[flags]", "create, migrate and seed the database if needed, then serve the API, the playground and the reader (the default)"},
	{"migrate", "up|down N|version", "move the database schema up, down N steps, or print its version"},
	{"seed", "[-check] [DIR]", "load curated documents (default: the embedded seeds)"},
	{"import", "[-as NAME] FILE|DIR ...", "import documents, audited, as the importArticle mutation does"},
	{"extract", "[-o FILE.yaml] FILE.txt", "draft a curated document from an article's raw text, for review before import"},
	{"token", "NAME", "print a new API token and its line for NEWSGRAPH_API_TOKENS_FILE"},
	{"bench", "[flags] [OPERATION...]", "drive a running server with the canonical operations"},
}

// isHelp reports whether arg asks for help rather than for a command.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// printUsage writes the list of commands to w.
func printUsage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph serves curated news articles as a typed GraphQL API.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage:")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name)+1+len(c.args))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "  newsgraph %-*s  %s\n", width, c.name+" "+c.args, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "`newsgraph COMMAND -h` lists a command's flags; every flag can also be set")
	fmt.Fprintln(w, "from the environment variable its description names (README.md, Configuration).")
}

// commandNames returns the names of the commands, for error messages.
func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// browserURL returns the URL a browser on this machine opens to reach a
// server listening on addr: a wildcard or missing host becomes localhost.
func browserURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// run runs the command args name, serve by default; `newsgraph -h` and
// `newsgraph COMMAND -h` print help to stdout and succeed.
func run(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	if len(args) > 0 && isHelp(args[0]) {
		printUsage(stdout)
		return nil
	}
	err := runCommand(ctx, args, stdout, logger)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// newFlagSet returns the flag set of the command name, whose usage, shown
// for -h and for a flag it does not know, goes to stdout.
func newFlagSet(name string, stdout io.Writer) *flag.FlagSet {
	fset := flag.NewFlagSet("newsgraph "+name, flag.ContinueOnError)
	fset.SetOutput(stdout)
	fset.Usage = func() {
		args := "[flags]"
		for _, c := range commands {
			if c.name == name {
				args = c.args + "\n\n" + c.summary
			}
		}
		fmt.Fprintf(fset.Output(), "usage: newsgraph %s %s\n\nflags:\n", name, args)
		fset.PrintDefaults()
	}
	return fset
}
