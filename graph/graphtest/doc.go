// Package graphtest is the fixture the tests of package graph and package
// graph/serve share: one seeded throwaway database per test binary, served
// over real HTTP with every SQL statement counted (Start), and the helpers
// that talk to such a server (PostTo, PostAs, Request, Subscribe), servers
// with a broker (NewWriteServer) or a response cache (NewCachedServer), and
// waiting on a condition (WaitFor, Eventually).
//
// It is used only by tests; no production package may import it.
package graphtest
