package ops_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/listener"
	"github.com/backcare/backcare/internal/ops"
)

func TestReadiness(t *testing.T) {
	h := ops.NewHealth()
	ready := false
	h.Add("telegram", func() error {
		if !ready {
			return errors.New("not connected")
		}
		return nil
	})
	srv := httptest.NewServer(ops.Handler(ops.NewMetrics("test"), h))
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "telegram: not connected") {
		t.Errorf("not ready: %d %s", code, body)
	}
	ready = true
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("ready: %d", code)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("healthz: %d", code)
	}
}

func TestMessageLogIsPrivate(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	h := ops.NewHasher("salt")
	m := bot.Message{Platform: "telegram", ChatID: "123456", UserID: "777", Text: "I am bleeding"}
	r := bot.Reply{Kind: bot.KindUrgent, RedFlags: []string{"bleeding"}}
	ops.MessageLog(log, h, false)(m, r, 0)
	out := buf.String()
	if strings.Contains(out, "bleeding\"") && strings.Contains(out, "I am") || strings.Contains(out, "123456") || strings.Contains(out, "\"777\"") {
		t.Errorf("private data logged: %s", out)
	}
	if !strings.Contains(out, h.Hash("123456")) || h.Hash("123456") == ops.NewHasher("other").Hash("123456") {
		t.Errorf("chat hash missing or unsalted: %s", out)
	}
	buf.Reset()
	ops.MessageLog(log, h, true)(m, r, 0)
	if !strings.Contains(buf.String(), "I am bleeding") {
		t.Error("--log-message-text did not log the text")
	}
}

func TestListenerClosesIdleConnections(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- ops.Serve(ctx, "127.0.0.1:0", ops.Handler(ops.NewMetrics("test"), ops.NewHealth()),
			listener.Limits{IdleTimeout: 200 * time.Millisecond}, slog.New(slog.DiscardHandler), func(a net.Addr) { addrc <- a })
	}()
	c, err := net.Dial("tcp", (<-addrc).String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	buf := make([]byte, 4096)
	if _, err := c.Read(buf); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(buf); err != io.EOF {
		t.Errorf("an idle connection was not closed: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
	if ops.DefaultAddr != "127.0.0.1:8080" {
		t.Errorf("the default address %s is not loopback", ops.DefaultAddr)
	}
}
