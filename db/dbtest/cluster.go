package dbtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// Cluster is a private PostgreSQL server that a test starts and stops at
// will, to see what happens while the database is down. It needs
// PostgreSQL's server binaries; as root it runs them as the postgres user.
type Cluster struct {
	tb   testing.TB
	bin  string
	dir  string
	Port int
	as   []string // command prefix to run as the postgres user
}

// NewCluster initializes a private cluster on a free port, not yet started,
// and removes it when tb ends. It accepts streaming replication
// connections (wal_level replica, the default), so NewStandby can copy it.
func NewCluster(tb testing.TB) *Cluster {
	tb.Helper()
	c := newCluster(tb)
	c.run("initdb", "-D", c.data(), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8")
	return c
}

// NewStandby makes a hot standby of the running cluster c: a base backup
// of it (pg_basebackup -R, which configures streaming from c) in a cluster
// of its own on another free port, not yet started. Started, it replays
// what c writes and answers read-only queries. Stopped, it catches up when
// started again.
func (c *Cluster) NewStandby() *Cluster {
	c.tb.Helper()
	s := newCluster(c.tb)
	s.run("pg_basebackup", "-D", s.data(), "-h", "127.0.0.1", "-p", strconv.Itoa(c.Port), "-U", "postgres",
		"-X", "stream", "-R", "--no-sync", "-c", "fast")
	return s
}

// newCluster returns a cluster on a free port with an empty directory of
// its own, which tb's end removes after stopping the cluster if it runs.
func newCluster(tb testing.TB) *Cluster {
	tb.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		path, err := exec.LookPath("initdb")
		if err != nil {
			tb.Fatal("this test needs PostgreSQL's server binaries (initdb, pg_ctl): install postgresql")
		}
		bins = []string{path}
	}
	slices.Sort(bins)
	c := &Cluster{tb: tb, bin: filepath.Dir(bins[len(bins)-1]), Port: freePort(tb)}
	dir, err := os.MkdirTemp("", "newsgraph-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	c.dir = dir
	tb.Cleanup(func() { _ = os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			tb.Fatalf("running as root, the private cluster needs the postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			tb.Fatal(err)
		}
		c.as = []string{"runuser", "-u", "postgres", "--"}
	}
	tb.Cleanup(func() {
		if c.running() {
			c.Stop()
		}
	})
	return c
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

func (c *Cluster) run(name string, args ...string) {
	c.tb.Helper()
	argv := append(append(slices.Clone(c.as), filepath.Join(c.bin, name)), args...)
	out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		c.tb.Fatalf("%s: %v\n%s", name, err, out)
	}
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start() {
	c.tb.Helper()
	c.run("pg_ctl", "-D", c.data(), "-l", filepath.Join(c.dir, "log"), "-w", "-t", "30",
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", c.Port, c.dir), "start")
}

// Stop stops the server at once (fast shutdown: connections are dropped).
func (c *Cluster) Stop() {
	c.tb.Helper()
	c.run("pg_ctl", "-D", c.data(), "-m", "fast", "-w", "-t", "30", "stop")
}

func (c *Cluster) running() bool {
	_, err := os.Stat(filepath.Join(c.data(), "postmaster.pid"))
	return err == nil
}

// URL returns the URL of database name on the cluster.
func (c *Cluster) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, name)
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
