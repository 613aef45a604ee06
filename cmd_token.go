package main

import (
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/graph/serve"
)

// tokenCmd prints a new API token for name and the line that configures it
// in NEWSGRAPH_API_TOKENS_FILE, which holds only the token's hash.
func tokenCmd(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("token: want exactly one NAME")
	}
	token, line, err := serve.NewToken(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "token (give it to %s; it is not stored anywhere):\n  %s\nline for NEWSGRAPH_API_TOKENS_FILE:\n  %s\n", args[0], token, line)
	return nil
}
