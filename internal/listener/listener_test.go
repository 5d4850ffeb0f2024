package listener_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/listener"
)

// serve runs a hardened server for the test and returns its address.
func serve(t *testing.T, l listener.Limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	srv := listener.Server(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") }), l)
	go func() {
		done <- listener.Serve(ctx, srv, ln, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), time.Second)
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return ln.Addr().String()
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// TestHalfSentHeaders opens 300 connections that each send a request
// line and a long, unfinished header, as a slow-loris client would.
func TestHalfSentHeaders(t *testing.T) {
	addr := serve(t, listener.Limits{ReadHeaderTimeout: 2 * time.Second})
	before := heap()
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	pad := strings.Repeat("a", 64<<10)
	for i := 0; i < 300; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		_ = c.SetWriteDeadline(time.Now().Add(time.Second))
		fmt.Fprintf(c, "POST /telegram HTTP/1.1\r\nHost: x\r\nX-Pad: %s", pad) // no end of line, no end of headers
	}
	time.Sleep(200 * time.Millisecond)
	grown := int64(heap()) - int64(before)
	t.Logf("300 half-sent headers of 64 KiB: memory in use grew by %.1f MiB", float64(grown)/(1<<20))
	if grown > 20<<20 {
		t.Errorf("memory grew by %d MiB", grown>>20)
	}
	// The server gives up on them: the header is too large, or too slow.
	_ = conns[0].SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.ReadAll(conns[0]); err != nil && !strings.Contains(err.Error(), "reset") {
		t.Errorf("connection not closed by the server: %v", err)
	}
}

func TestIdleConnectionsAreClosed(t *testing.T) {
	addr := serve(t, listener.Limits{IdleTimeout: 200 * time.Millisecond})
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	buf := make([]byte, 4096)
	if _, err := c.Read(buf); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(buf); err != io.EOF {
		t.Fatalf("idle connection: %v", err)
	}
	t.Logf("idle keep-alive connection closed after %v (idle timeout 200ms)", time.Since(began).Round(time.Millisecond))
}
