package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
)

const testToken = "987654:serve-test-token-xyz"

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve runs `backcare serve` with args until the returned stop is called.
func serve(t *testing.T, args ...string) (stop func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), &stdout, &stderr) }()
	return func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return -1, ""
		}
	}
}

func TestServeTelegramLongPolling(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	stop := serve(t, "--http-addr", "")
	srv.Push(telegramtest.Private(42, "what causes back spasms"))
	calls := srv.WaitCalls("sendMessage", 1, 10*time.Second)
	code, logs := stop()
	if len(calls) != 1 || !strings.Contains(calls[0].Params["text"], "What causes back spasms") {
		t.Fatalf("sendMessage calls: %+v\nlogs:\n%s", calls, logs)
	}
	if code != 0 {
		t.Errorf("exit %d after SIGTERM-like cancel\n%s", code, logs)
	}
	if strings.Contains(logs, testToken) || strings.Contains(logs, "what causes back spasms") {
		t.Errorf("token or message text in logs:\n%s", logs)
	}
}

func TestServeTelegramWebhook(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	t.Setenv("BACKCARE_TELEGRAM_WEBHOOK_SECRET", "hook_secret")
	stop := serve(t, "--http-addr", "", "--telegram-webhook-url", "https://example.org/tg", "--telegram-webhook-listen", addr)
	if c := srv.WaitCalls("setWebhook", 1, 10*time.Second); len(c) != 1 || c[0].Params["secret_token"] != "hook_secret" {
		t.Fatalf("setWebhook: %+v", c)
	}
	u := telegramtest.Private(43, "is swimming ok for my back")
	u.UpdateID = 77
	body, _ := json.Marshal(u)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram", bytes.NewReader(body))
	req.Header.Set(telegram.SecretHeader, "hook_secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	calls := srv.WaitCalls("sendMessage", 1, 10*time.Second)
	code, logs := stop()
	if resp.StatusCode != http.StatusOK || len(calls) != 1 || !strings.Contains(calls[0].Params["text"], "Exercise") {
		t.Fatalf("status %d, calls %+v\n%s", resp.StatusCode, calls, logs)
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestServeNeedsAToken(t *testing.T) {
	t.Setenv("TELEGRAM_BOT_TOKEN", "")
	t.Setenv("DISCORD_BOT_TOKEN", "")
	code, _, errs := runCmd(t, "", "serve")
	if code != 2 || !strings.Contains(errs, "TELEGRAM_BOT_TOKEN") || !strings.Contains(errs, "DISCORD_BOT_TOKEN") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestServePrintConfigMasksSecrets(t *testing.T) {
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	code, out, errs := runCmd(t, "", "serve", "--print-config")
	if code != 0 || strings.Contains(out, testToken) || !strings.Contains(out, "telegram-token:") || !strings.Contains(out, "******") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}
