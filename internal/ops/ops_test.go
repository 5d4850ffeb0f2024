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

// metric returns the value of the series name{labels}, or -1 if absent.
func metric(t *testing.T, m *ops.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	series:
		for _, s := range f.GetMetric() {
			got := map[string]string{}
			for _, l := range s.GetLabel() {
				got[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue series
				}
			}
			if len(got) != len(labels) {
				continue
			}
			if s.GetCounter() != nil {
				return s.GetCounter().GetValue()
			}
			return s.GetGauge().GetValue()
		}
	}
	return -1
}

func TestFeedbackCounter(t *testing.T) {
	m := ops.NewMetrics("test")
	m.KnownTopic = func(id string) bool { return id == "rest" || id == "ice-and-heat" }
	fb := func(f bot.Feedback) bot.Reply { return bot.Reply{Kind: bot.KindFeedback, Feedback: &f} }
	for _, r := range []bot.Reply{
		fb(bot.Feedback{Topic: "rest", Vote: bot.VoteUp}),
		fb(bot.Feedback{Topic: "rest", Vote: bot.VoteUp}),
		fb(bot.Feedback{Topic: "rest", Vote: bot.VoteDown}),
		fb(bot.Feedback{Topic: "rest", Vote: bot.VoteUp, Repeat: true}), // a second press counts nothing
		fb(bot.Feedback{Topic: "rest", Comment: true}),                  // a comment is no vote
		fb(bot.Feedback{Topic: "ice-and-heat", Vote: bot.VoteDown}),
		fb(bot.Feedback{Topic: strings.Repeat("forged", 20), Vote: bot.VoteUp}), // not a topic
		{Kind: bot.KindAnswer, TopicID: "rest"},
	} {
		m.Observe(bot.Message{Platform: "telegram"}, r, 0)
	}
	tests := []struct {
		topic, vote string
		want        float64
	}{
		{"rest", "up", 2},
		{"rest", "down", 1},
		{"ice-and-heat", "down", 1},
		{"ice-and-heat", "up", -1},
		{"unknown", "up", 1},
	}
	for _, tt := range tests {
		if got := metric(t, m, "backcare_feedback_total", map[string]string{"topic": tt.topic, "vote": tt.vote}); got != tt.want {
			t.Errorf("backcare_feedback_total{topic=%q,vote=%q} = %v, want %v", tt.topic, tt.vote, got, tt.want)
		}
	}
}

func TestSafetyCounter(t *testing.T) {
	m := ops.NewMetrics("test")
	for _, r := range []bot.Reply{
		{Kind: bot.KindUrgent, RedFlags: []string{"abuse", "fall"}, Safety: []string{"abuse", "fall"}},
		{Kind: bot.KindUrgent, RedFlags: []string{"crisis"}, Safety: []string{"crisis"}},
		{Kind: bot.KindLoss, Safety: []string{"loss"}},
		{Kind: bot.KindAnswer, TopicID: "rest"},
	} {
		m.Observe(bot.Message{Platform: "console", Text: "never counted"}, r, 0)
	}
	for _, tt := range []struct {
		category string
		want     float64
	}{{"abuse", 1}, {"fall", 1}, {"crisis", 1}, {"loss", 1}, {"rest", -1}} {
		if got := metric(t, m, "backcare_safety_total", map[string]string{"category": tt.category}); got != tt.want {
			t.Errorf("backcare_safety_total{category=%q} = %v, want %v", tt.category, got, tt.want)
		}
	}
}

func TestKnowledgeVersionInfo(t *testing.T) {
	m := ops.NewMetrics("test")
	m.KnowledgeVersion("aaaaaaaaaaaa")
	m.KnowledgeVersion("bbbbbbbbbbbb") // a reload
	if got := metric(t, m, "backcare_kb_info", map[string]string{"version": "bbbbbbbbbbbb"}); got != 1 {
		t.Errorf("new version: %v", got)
	}
	if got := metric(t, m, "backcare_kb_info", map[string]string{"version": "aaaaaaaaaaaa"}); got != -1 {
		t.Errorf("old version still reported: %v", got)
	}
}
