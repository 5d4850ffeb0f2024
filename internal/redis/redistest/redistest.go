// Package redistest runs a real redis-server on a loopback port for tests.
// Tests that need it are skipped, with a message saying what to install,
// only when redis-server cannot be found and CI is not set.
package redistest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Server is a redis-server process owned by one test.
type Server struct {
	Addr string
	tb   testing.TB
	bin  string
	cmd  *exec.Cmd
}

// Start starts redis-server on a free loopback port, without persistence,
// and stops it when the test ends.
func Start(tb testing.TB) *Server {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("redis-server not found; .ci/run installs Debian's redis-server package")
		}
		tb.Skip("redis-server not found: install it (apt-get install redis-server) to run the Redis tests")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &Server{Addr: addr, tb: tb, bin: bin}
	s.Restart()
	tb.Cleanup(s.Stop)
	return s
}

// URL is the redis:// URL of the server.
func (s *Server) URL() string { return "redis://" + s.Addr + "/0" }

// Restart starts the server again on the same port (after Stop).
func (s *Server) Restart() {
	s.tb.Helper()
	_, port, _ := net.SplitHostPort(s.Addr)
	s.cmd = exec.Command(s.bin, "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly", "no",
		"--protected-mode", "yes", "--loglevel", "warning")
	stdout, _ := s.cmd.StdoutPipe()
	if err := s.cmd.Start(); err != nil {
		s.tb.Fatalf("start redis-server: %v", err)
	}
	go func() { // drain its output
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if c, err := net.DialTimeout("tcp", s.Addr, 100*time.Millisecond); err == nil {
			fmt.Fprint(c, "PING\r\n")
			buf := make([]byte, 7)
			_ = c.SetReadDeadline(time.Now().Add(time.Second))
			n, _ := c.Read(buf)
			c.Close()
			if string(buf[:n]) == "+PONG\r\n" {
				return
			}
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("redis-server on %s did not start", s.Addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop kills the server, as a crash or an outage would.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

// URL returns the URL of the Redis that .ci/run started
// (BACKCARE_TEST_REDIS_URL), or starts one for this test. Tests sharing a
// server must use their own key prefix.
func URL(tb testing.TB) string {
	tb.Helper()
	if u := os.Getenv("BACKCARE_TEST_REDIS_URL"); u != "" {
		return u
	}
	return Start(tb).URL()
}
