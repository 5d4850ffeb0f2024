package config_test

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestPrecedence(t *testing.T) {
	c, err := config.Load(
		[]string{"--config", "testdata/ok.yaml", "--workers", "5"},
		env(map[string]string{"BACKCARE_RATE_BURST": "4", "BACKCARE_WORKERS": "9", "TELEGRAM_BOT_TOKEN": "t"}),
		io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.LogLevel != "warn" { // file over default
		t.Errorf("log-level %q", c.LogLevel)
	}
	if c.RateBurst != 4 { // environment over file
		t.Errorf("rate-burst %d", c.RateBurst)
	}
	if c.Workers != 5 { // flag over environment and file
		t.Errorf("workers %d", c.Workers)
	}
	if c.RateEvery != 3*time.Second || c.TelegramToken != "t" || c.HTTPAddr != "127.0.0.1:8080" {
		t.Errorf("defaults/env: %+v", c)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--config", "testdata/unknown.yaml"}, nil, `testdata/unknown.yaml:2:1: unknown setting "telegram-tokn"`},
		{[]string{"--rate-every", "often"}, nil, `flag --rate-every: "often" is not a duration`},
		{nil, map[string]string{"DISCORD_EPHEMERAL": "maybe"}, `environment variable DISCORD_EPHEMERAL: "maybe" is not true or false`},
		{[]string{"--log-format", "xml"}, nil, `log-format "xml" is not text or json`},
		{[]string{"--telegram-webhook-url", "https://x.org/tg"}, nil, "telegram-webhook-secret is required"},
		{[]string{"--telegram-api-endpoint", "http://127.0.0.1:1/bot"}, nil, "must contain %s twice"},
		{[]string{"--discord-api-base", "http://127.0.0.1:1"}, nil, "must be a URL ending in /"},
		{[]string{"--discord-shard-id", "2", "--discord-shard-count", "2"}, nil, "must be below"},
		{[]string{"extra"}, nil, `unexpected argument "extra"`},
		{[]string{"--telegram-group-limit", "20"}, nil, `flag --telegram-group-limit: "20" is not a limit`},
		{[]string{"--lease-ttl", "1ms"}, nil, "lease-ttl must be at least 100ms"},
	}
	for _, tt := range tests {
		_, err := config.Load(tt.args, env(tt.env), io.Discard, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v %v: err = %v, want %q", tt.args, tt.env, err, tt.want)
		}
	}
}

func TestPrintMasksSecrets(t *testing.T) {
	c, err := config.Load(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:secret", "BACKCARE_REDIS_URL": "redis://:pw@h:6379/0"}), io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	c.Print(&b)
	if strings.Contains(b.String(), "123:secret") || strings.Contains(b.String(), "pw@") || !strings.Contains(b.String(), "telegram-token:") {
		t.Errorf("print:\n%s", b.String())
	}
}

func TestBooleanFlagsStandAlone(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"--log-message-text"}, true},
		{[]string{"--log-message-text=false"}, false},
		{[]string{"-log-message-text", "--discord-ephemeral"}, true},
		{nil, false},
	}
	for _, tt := range tests {
		c, err := config.Load(tt.args, env(nil), io.Discard, nil)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if c.LogMessageText != tt.want {
			t.Errorf("%v: log-message-text = %v", tt.args, c.LogMessageText)
		}
	}
	c, err := config.Load([]string{"--discord-ephemeral", "--workers", "3"}, env(nil), io.Discard, nil)
	if err != nil || !c.DiscordEphemeral || c.Workers != 3 {
		t.Errorf("a bare boolean flag before another flag: %+v %v", c, err)
	}
}

func TestLimits(t *testing.T) {
	c, err := config.Load([]string{"--telegram-group-limit", "10/30s"}, env(map[string]string{"BACKCARE_TELEGRAM_GLOBAL_LIMIT": "25/1s"}), io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.TelegramGroupLimit.N != 10 || c.TelegramGroupLimit.Per != 30*time.Second || c.TelegramGlobalLimit.N != 25 ||
		c.TelegramChatLimit.N != 1 || c.TelegramChatLimit.Per != time.Second {
		t.Errorf("limits: %+v %+v %+v", c.TelegramChatLimit, c.TelegramGroupLimit, c.TelegramGlobalLimit)
	}
	var b strings.Builder
	c.Print(&b)
	if !strings.Contains(b.String(), `"10/30s"`) {
		t.Errorf("print:\n%s", b.String())
	}
}

// TestOldNames: --unanswered-log is still read as --insights-log, at its
// own level of precedence; the new name wins at the same level; and an old
// name given anywhere brings a warning.
func TestOldNames(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
		warn bool
	}{
		{"new flag", []string{"--insights-log", "new.jsonl"}, nil, "new.jsonl", false},
		{"old flag", []string{"--unanswered-log", "old.jsonl"}, nil, "old.jsonl", true},
		{"old environment", nil, map[string]string{"BACKCARE_UNANSWERED_LOG": "old.jsonl"}, "old.jsonl", true},
		{"new beats old in the environment", nil, map[string]string{"BACKCARE_UNANSWERED_LOG": "old.jsonl", "BACKCARE_INSIGHTS_LOG": "new.jsonl"}, "new.jsonl", true},
		{"old flag beats new environment", []string{"--unanswered-log", "old.jsonl"}, map[string]string{"BACKCARE_INSIGHTS_LOG": "new.jsonl"}, "old.jsonl", true},
		{"old file key", []string{"--config", "testdata/old-name.yaml"}, nil, "/srv/backcare/unanswered.jsonl", true},
		{"new environment beats old file key", []string{"--config", "testdata/old-name.yaml"}, map[string]string{"BACKCARE_INSIGHTS_LOG": "new.jsonl"}, "new.jsonl", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Load(tt.args, env(tt.env), io.Discard, nil)
			if err != nil {
				t.Fatal(err)
			}
			if c.InsightsLog != tt.want {
				t.Errorf("insights log %q, want %q", c.InsightsLog, tt.want)
			}
			warned := len(c.Warnings) == 1 && strings.Contains(c.Warnings[0], "now called insights-log")
			if warned != tt.warn {
				t.Errorf("warnings %q", c.Warnings)
			}
		})
	}
}

func TestHelpContact(t *testing.T) {
	tests := []struct {
		val string
		bad string // part of the error; "" when valid
	}{
		{"", ""},
		{"@GroupMods", ""},
		{"https://example.org/talk-to-us", ""},
		{"message @GroupMods in the Help topic", ""},
		{"@ab", "not a Telegram username"},
		{"@group-mods!", "not a Telegram username"},
		{"ftp://example.org/x", "not an http or https URL"},
		{"https://", "not an http or https URL"},
		{strings.Repeat("x", 201), "one line of at most 200"},
		{"two\nlines", "one line"},
	}
	for _, tt := range tests {
		c, err := config.Load(nil, env(map[string]string{"BACKCARE_HELP_CONTACT": tt.val}), io.Discard, nil)
		switch {
		case tt.bad == "" && (err != nil || c.HelpContact != tt.val):
			t.Errorf("%q: %v", tt.val, err)
		case tt.bad != "" && (err == nil || !strings.Contains(err.Error(), tt.bad)):
			t.Errorf("%q: err = %v, want %q", tt.val, err, tt.bad)
		}
	}
	c, err := config.Load([]string{"--config", "testdata/help-contact.yaml"}, env(nil), io.Discard, nil)
	if err != nil || c.HelpContact != "@GroupMods" {
		t.Errorf("from the config file: %+v %v", c, err)
	}
}

// TestRegion: the region setting comes from the flag, the environment or
// the file like the others, is "all" by default, and must look like a
// region id (whether the knowledge base defines it is checked with the
// knowledge base).
func TestRegion(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
		bad  string
	}{
		{"default", nil, nil, "all", ""},
		{"file", []string{"--config", "testdata/region.yaml"}, nil, "uk", ""},
		{"environment over file", []string{"--config", "testdata/region.yaml"}, map[string]string{"BACKCARE_REGION": "us"}, "us", ""},
		{"flag over environment", []string{"--region", "ie"}, map[string]string{"BACKCARE_REGION": "us"}, "ie", ""},
		{"any case", []string{"--region", "AU"}, nil, "AU", ""},
		{"not an id", []string{"--region", "the uk"}, nil, "", `region "the uk" is not a region id such as uk or us, or all`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Load(tt.args, env(tt.env), io.Discard, nil)
			if tt.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tt.bad) {
					t.Fatalf("err = %v, want %q", err, tt.bad)
				}
				return
			}
			if err != nil || c.Region != tt.want {
				t.Fatalf("region %q, %v; want %q", c.Region, err, tt.want)
			}
			var b strings.Builder
			c.Print(&b)
			if !strings.Contains(b.String(), `region:`) {
				t.Errorf("print:\n%s", b.String())
			}
		})
	}
}

// TestBind: chat and ask take only the settings they bind, with the same
// precedence and the same config file as serve.
func TestBind(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
		bad  string
	}{
		{"default", []string{"--kb", "x"}, nil, "all", ""},
		{"serve's config file", []string{"--config", "testdata/region.yaml"}, nil, "uk", ""},
		{"config file from the environment", nil, map[string]string{"BACKCARE_CONFIG": "testdata/region.yaml"}, "uk", ""},
		{"environment", nil, map[string]string{"BACKCARE_REGION": "us", "BACKCARE_WORKERS": "nope"}, "us", ""},
		{"flag", []string{"--region", "au", "--kb", "x"}, map[string]string{"BACKCARE_REGION": "us"}, "au", ""},
		{"bad value", []string{"--region", "u.k."}, nil, "", `region "u.k." is not a region id`},
		{"unknown key in the file", []string{"--config", "testdata/unknown.yaml"}, nil, "", `unknown setting "telegram-tokn"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("chat", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.String("kb", "", "knowledge base")
			b := config.Bind(fs, env(tt.env), "region")
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			c, err := b.Load()
			if tt.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tt.bad) {
					t.Fatalf("err = %v, want %q", err, tt.bad)
				}
				return
			}
			if err != nil || c.Region != tt.want {
				t.Fatalf("region %q, %v; want %q", c.Region, err, tt.want)
			}
		})
	}
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	config.Bind(fs, env(nil), "region")
	if err := fs.Parse([]string{"--workers", "3"}); err == nil {
		t.Error("a setting that was not bound is accepted as a flag")
	}
}
