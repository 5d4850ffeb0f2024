// Package config holds Backcare's settings for `backcare serve`. Each
// setting can be given as a flag, an environment variable and a key in an
// optional YAML file; precedence is flags, then environment, then file,
// then defaults. An unknown key or a bad value is an error naming where it
// came from.
package config

import (
	"encoding"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/backcare/backcare/internal/outbound"
)

// Config is the effective configuration.
type Config struct {
	KB              string
	HTTPAddr        string
	LogFormat       string
	LogLevel        string
	LogMessageText  bool
	InsightsLog     string
	HashSalt        string
	RateBurst       int
	RateEvery       time.Duration
	ContextTTL      time.Duration
	ShutdownTimeout time.Duration
	Workers         int
	RedisURL        string
	LeaseTTL        time.Duration
	RetryWindow     time.Duration
	HelpContact     string
	Region          string

	TelegramToken         string
	TelegramEndpoint      string
	TelegramWebhookURL    string
	TelegramWebhookListen string
	TelegramWebhookPath   string
	TelegramWebhookSecret string
	TelegramChatLimit     outbound.Limit
	TelegramGroupLimit    outbound.Limit
	TelegramGlobalLimit   outbound.Limit

	DiscordToken          string
	DiscordAPIBase        string
	DiscordGuildID        string
	DiscordEphemeral      bool
	DiscordMessageContent bool
	DiscordShardID        int
	DiscordShardCount     int

	// Warnings are notes for the log, such as an old setting name in use.
	Warnings []string
}

// Setting describes one setting.
type Setting struct {
	// Name is the flag name and the config-file key.
	Name string
	// Env is the environment variable.
	Env     string
	Default string
	Help    string
	// Secret settings are masked by Print.
	Secret bool
	target any // *string, *bool, *int, *time.Duration or an encoding.TextUnmarshaler
}

// Settings returns the table of settings bound to c's fields.
func (c *Config) Settings() []Setting {
	return []Setting{
		{"kb", "BACKCARE_KB", "", "knowledge base: a YAML file or folder (default: the embedded one); watched for changes", false, &c.KB},
		{"http-addr", "BACKCARE_HTTP_ADDR", "127.0.0.1:8080", "operations listener for /healthz, /readyz and /metrics (loopback by default; :8080 for every interface); empty to disable", false, &c.HTTPAddr},
		{"log-format", "BACKCARE_LOG_FORMAT", "text", "log format: text or json", false, &c.LogFormat},
		{"log-level", "BACKCARE_LOG_LEVEL", "info", "log level: debug, info, warn or error", false, &c.LogLevel},
		{"log-message-text", "BACKCARE_LOG_MESSAGE_TEXT", "false", "log users' message text (debugging only: it is health information)", false, &c.LogMessageText},
		{"insights-log", "BACKCARE_INSIGHTS_LOG", "", "append one JSON line per reply to this file, for `kb report` (no ids; text only of unanswered questions and comments after 👎)", false, &c.InsightsLog},
		{"hash-salt", "BACKCARE_HASH_SALT", "", "salt for the user and chat id hashes in logs (default: random per process)", true, &c.HashSalt},
		{"rate-burst", "BACKCARE_RATE_BURST", "6", "messages a user may send at once", false, &c.RateBurst},
		{"rate-every", "BACKCARE_RATE_EVERY", "3s", "after the burst, one message per this interval", false, &c.RateEvery},
		{"context-ttl", "BACKCARE_CONTEXT_TTL", "30m", "how long a chat's context (last topic) is kept", false, &c.ContextTTL},
		{"shutdown-timeout", "BACKCARE_SHUTDOWN_TIMEOUT", "8s", "the most a stop takes (inside Docker's default 10 s grace): replies in flight may finish until shortly before it; unfinished updates are left for the next process", false, &c.ShutdownTimeout},
		{"workers", "BACKCARE_WORKERS", "8", "chats served at once per platform", false, &c.Workers},
		{"redis-url", "BACKCARE_REDIS_URL", "", "Redis URL for state shared between replicas (default: in memory)", true, &c.RedisURL},
		{"lease-ttl", "BACKCARE_LEASE_TTL", "30s", "how long a claim on an update (or on polling) lasts unless renewed; after a crash, another process takes the work over once it lapses", false, &c.LeaseTTL},
		{"retry-window", "BACKCARE_RETRY_WINDOW", "5m", "how long a reply failing with 429, 5xx or network errors is retried before it counts as expired", false, &c.RetryWindow},
		{"help-contact", "BACKCARE_HELP_CONTACT", "", "a person members can turn to: a Telegram username (@GroupMods), a URL or a short text; shown in /help, after 👎 and with the fallback", false, &c.HelpContact},
		{"region", "BACKCARE_REGION", "all", "whose emergency number and helplines urgent and safety replies show: a region of the knowledge base (uk, us, eu, ie, au, elsewhere) or all", false, &c.Region},

		{"telegram-token", "TELEGRAM_BOT_TOKEN", "", "Telegram bot token from BotFather; enables the Telegram adapter", true, &c.TelegramToken},
		{"telegram-api-endpoint", "TELEGRAM_API_ENDPOINT", "", "Bot API endpoint, format http://host:port/bot%s/%s (default: Telegram's)", false, &c.TelegramEndpoint},
		{"telegram-webhook-url", "BACKCARE_TELEGRAM_WEBHOOK_URL", "", "public HTTPS URL for webhook mode (default: long polling)", false, &c.TelegramWebhookURL},
		{"telegram-webhook-listen", "BACKCARE_TELEGRAM_WEBHOOK_LISTEN", ":8443", "address the webhook server listens on", false, &c.TelegramWebhookListen},
		{"telegram-webhook-path", "BACKCARE_TELEGRAM_WEBHOOK_PATH", "/telegram", "path the webhook server receives updates on", false, &c.TelegramWebhookPath},
		{"telegram-webhook-secret", "BACKCARE_TELEGRAM_WEBHOOK_SECRET", "", "webhook secret token (A-Z, a-z, 0-9, _ and -); required in webhook mode", true, &c.TelegramWebhookSecret},
		{"telegram-chat-limit", "BACKCARE_TELEGRAM_CHAT_LIMIT", "1/1s", "most messages sent to one chat in a span, as COUNT/DURATION", false, &c.TelegramChatLimit},
		{"telegram-group-limit", "BACKCARE_TELEGRAM_GROUP_LIMIT", "20/1m", "most messages sent to one group in a span, as COUNT/DURATION", false, &c.TelegramGroupLimit},
		{"telegram-global-limit", "BACKCARE_TELEGRAM_GLOBAL_LIMIT", "30/1s", "most messages sent overall in a span, as COUNT/DURATION", false, &c.TelegramGlobalLimit},

		{"discord-token", "DISCORD_BOT_TOKEN", "", "Discord bot token; enables the Discord adapter", true, &c.DiscordToken},
		{"discord-api-base", "DISCORD_API_BASE", "", "base URL of a Discord-compatible server, http://host:port/ (default: Discord's)", false, &c.DiscordAPIBase},
		{"discord-guild-id", "DISCORD_GUILD_ID", "", "register slash commands in this server only (appear at once); default global", false, &c.DiscordGuildID},
		{"discord-ephemeral", "DISCORD_EPHEMERAL", "false", "answers to /backcare ask are visible only to the asker", false, &c.DiscordEphemeral},
		{"discord-message-content", "DISCORD_MESSAGE_CONTENT", "false", "request the privileged Message Content intent to answer mentions and DMs", false, &c.DiscordMessageContent},
		{"discord-shard-id", "DISCORD_SHARD_ID", "0", "this process's shard", false, &c.DiscordShardID},
		{"discord-shard-count", "DISCORD_SHARD_COUNT", "1", "number of shards", false, &c.DiscordShardCount},
	}
}

// Alias is an old name of a setting that is still accepted, at the same
// precedence as the new name; the new name wins when both are given in
// the same place.
type Alias struct {
	// Name is the old flag name and config-file key, Env the old
	// environment variable.
	Name, Env string
	// For is the setting's current name.
	For string
}

// Aliases lists the old setting names still accepted.
func Aliases() []Alias {
	return []Alias{
		{"unanswered-log", "BACKCARE_UNANSWERED_LOG", "insights-log"},
	}
}

// Load builds the configuration from args (flags, including --config
// FILE), the environment (getenv) and the file. It returns flag.ErrHelp for
// --help. extra, if set, adds command-specific flags.
func Load(args []string, getenv func(string) string, stderr io.Writer, extra func(*flag.FlagSet)) (*Config, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b := bind(fs, getenv, nil)
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backcare serve [flags]\n\nRuns every adapter whose token is set until SIGINT or SIGTERM.\nPrecedence: flags, environment, config file, defaults.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err := b.resolve(); err != nil {
		return nil, err
	}
	return b.c, b.c.validate()
}

// Binding is a few of serve's settings bound to another command's flags,
// for the commands that share them (chat and ask take region). See Bind.
type Binding struct {
	c          *Config
	fs         *flag.FlagSet
	getenv     func(string) string
	settings   []Setting
	flagVals   map[string]*flagValue
	configFile *string
}

// Bind adds the named settings to fs as flags, with --config FILE, and
// returns the binding whose Load resolves them after fs is parsed, with
// serve's precedence: the flag, then the environment (getenv), then the
// config file (which may hold any of serve's settings), then the default.
// With no names, every setting is bound.
func Bind(fs *flag.FlagSet, getenv func(string) string, names ...string) *Binding {
	return bind(fs, getenv, names)
}

func bind(fs *flag.FlagSet, getenv func(string) string, names []string) *Binding {
	b := &Binding{c: &Config{}, fs: fs, getenv: getenv, flagVals: map[string]*flagValue{}}
	b.configFile = fs.String("config", getenv("BACKCARE_CONFIG"), "YAML config `FILE` (env BACKCARE_CONFIG)")
	for _, s := range b.c.Settings() {
		if names != nil && !slices.Contains(names, s.Name) {
			continue
		}
		b.settings = append(b.settings, s)
		_, isBool := s.target.(*bool)
		v := &flagValue{isBool: isBool}
		b.flagVals[s.Name] = v
		fs.Var(v, s.Name, fmt.Sprintf("%s (env %s, default %q)", s.Help, s.Env, s.Default))
	}
	for _, a := range Aliases() {
		if names != nil && !slices.Contains(names, a.For) {
			continue
		}
		v := &flagValue{}
		b.flagVals[a.Name] = v
		fs.Var(v, a.Name, fmt.Sprintf("old name of --%s (env %s)", a.For, a.Env))
	}
	return b
}

// Load resolves the bound settings once the flags are parsed, and checks
// them.
func (b *Binding) Load() (*Config, error) {
	if err := b.resolve(); err != nil {
		return nil, err
	}
	var errs []error
	for _, s := range b.settings {
		if err := b.c.check(s.Name); err != nil {
			errs = append(errs, err)
		}
	}
	return b.c, errors.Join(errs...)
}

// resolve sets each bound setting by precedence: flags, then environment,
// then file, then defaults.
func (b *Binding) resolve() error {
	c, getenv := b.c, b.getenv
	aliases := map[string]Alias{} // by current name
	for _, a := range Aliases() {
		aliases[a.For] = a
	}
	set := map[string]bool{}
	b.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	fileVals := map[string]string{}
	if *b.configFile != "" {
		var err error
		if fileVals, err = readFile(*b.configFile, c.Settings(), Aliases()); err != nil {
			return err
		}
	}
	var errs []error
	for _, s := range b.settings {
		val, from := s.Default, "default"
		old, hasOld := aliases[s.Name]
		oldUsed := false
		if v, ok := fileVals[old.Name]; hasOld && ok {
			val, from, oldUsed = v, "config file key "+old.Name, true
		}
		if v, ok := fileVals[s.Name]; ok {
			val, from = v, "config file key "+s.Name
		}
		if v := getenv(old.Env); hasOld && v != "" {
			val, from, oldUsed = v, "environment variable "+old.Env, true
		}
		if v := getenv(s.Env); v != "" {
			val, from = v, "environment variable "+s.Env
		}
		if hasOld && set[old.Name] {
			val, from, oldUsed = b.flagVals[old.Name].s, "flag --"+old.Name, true
		}
		if set[s.Name] {
			val, from = b.flagVals[s.Name].s, "flag --"+s.Name
		}
		if oldUsed {
			c.Warnings = append(c.Warnings, fmt.Sprintf("the setting %s (%s) is now called %s (%s); the old name still works", old.Name, old.Env, s.Name, s.Env))
		}
		if err := assign(s.target, val); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", from, err))
		}
	}
	return errors.Join(errs...)
}

// flagValue holds a flag's text until precedence is settled. A boolean
// setting's flag may stand alone (--log-message-text means true), as the
// flag package allows for flag.Values whose IsBoolFlag is true.
type flagValue struct {
	s      string
	isBool bool
}

func (v *flagValue) String() string     { return v.s }
func (v *flagValue) Set(s string) error { v.s = s; return nil }
func (v *flagValue) IsBoolFlag() bool   { return v.isBool }

func assign(target any, val string) error {
	switch t := target.(type) {
	case encoding.TextUnmarshaler:
		return t.UnmarshalText([]byte(val))
	case *string:
		*t = val
	case *bool:
		b, err := strconv.ParseBool(val)
		if err != nil {
			return fmt.Errorf("%q is not true or false", val)
		}
		*t = b
	case *int:
		n, err := strconv.Atoi(val)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", val)
		}
		*t = n
	case *time.Duration:
		d, err := time.ParseDuration(val)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 30s or 5m", val)
		}
		*t = d
	}
	return nil
}

// readFile reads a YAML mapping of setting names to values.
func readFile(path string, settings []Setting, aliases []Alias) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	known := map[string]bool{}
	for _, s := range settings {
		known[s.Name] = true
	}
	for _, a := range aliases {
		known[a.Name] = true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("%s:%d:%d: %s", path, le.Mark.Line, le.Mark.Column, le.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]string{}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: the config file must be a mapping of setting: value", path, root.Line, root.Column)
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case !known[k.Value]:
			errs = append(errs, fmt.Errorf("%s:%d:%d: unknown setting %q", path, k.Line, k.Column, k.Value))
		case v.Kind != yaml.ScalarNode:
			errs = append(errs, fmt.Errorf("%s:%d:%d: %s must be a single value", path, v.Line, v.Column, k.Value))
		default:
			out[k.Value] = v.Value
		}
	}
	return out, errors.Join(errs...)
}

func (c *Config) validate() error {
	var errs []error
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("log-format %q is not text or json", c.LogFormat))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log-level %q is not debug, info, warn or error", c.LogLevel))
	}
	if c.RateBurst < 1 || c.RateEvery <= 0 {
		errs = append(errs, errors.New("rate-burst must be at least 1 and rate-every positive"))
	}
	if c.LeaseTTL < 100*time.Millisecond || c.RetryWindow <= 0 {
		errs = append(errs, errors.New("lease-ttl must be at least 100ms and retry-window positive"))
	}
	if c.Workers < 1 {
		errs = append(errs, errors.New("workers must be at least 1"))
	}
	if c.TelegramEndpoint != "" && strings.Count(c.TelegramEndpoint, "%s") != 2 {
		errs = append(errs, fmt.Errorf("telegram-api-endpoint %q must contain %%s twice, like http://host:port/bot%%s/%%s", c.TelegramEndpoint))
	}
	if c.TelegramWebhookURL != "" {
		if u, err := url.Parse(c.TelegramWebhookURL); err != nil || u.Host == "" {
			errs = append(errs, fmt.Errorf("telegram-webhook-url %q is not a URL", c.TelegramWebhookURL))
		}
		if c.TelegramWebhookSecret == "" {
			errs = append(errs, errors.New("telegram-webhook-secret is required with telegram-webhook-url (env BACKCARE_TELEGRAM_WEBHOOK_SECRET)"))
		}
	}
	for _, r := range c.TelegramWebhookSecret {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			errs = append(errs, errors.New("telegram-webhook-secret may only hold A-Z, a-z, 0-9, _ and -"))
			break
		}
	}
	if c.DiscordAPIBase != "" {
		if u, err := url.Parse(c.DiscordAPIBase); err != nil || u.Host == "" || !strings.HasSuffix(c.DiscordAPIBase, "/") {
			errs = append(errs, fmt.Errorf("discord-api-base %q must be a URL ending in /, like http://127.0.0.1:8080/", c.DiscordAPIBase))
		}
	}
	for _, name := range []string{"help-contact", "region"} {
		if err := c.check(name); err != nil {
			errs = append(errs, err)
		}
	}
	if c.DiscordShardCount < 1 || c.DiscordShardID < 0 || c.DiscordShardID >= c.DiscordShardCount {
		errs = append(errs, fmt.Errorf("discord-shard-id %d must be below discord-shard-count %d", c.DiscordShardID, c.DiscordShardCount))
	}
	return errors.Join(errs...)
}

// check validates one setting on its own, for validate and for a
// Binding. Settings that need no check, or only one with others, pass.
func (c *Config) check(name string) error {
	switch name {
	case "help-contact":
		return checkHelpContact(c.HelpContact)
	case "region":
		return checkRegion(c.Region)
	}
	return nil
}

var regionPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkRegion accepts "all" and anything shaped like a region id. Whether
// the knowledge base defines the region is checked once it is loaded
// (knowledge.Base.SelectRegion): the knowledge base is itself a setting.
func checkRegion(s string) error {
	if s == "all" || regionPattern.MatchString(strings.ToLower(strings.TrimSpace(s))) {
		return nil
	}
	return fmt.Errorf("region %q is not a region id such as uk or us, or all", s)
}

// MaxHelpContact bounds the help contact, in characters: it is shown
// inside replies.
const MaxHelpContact = 200

var username = regexp.MustCompile(`^@[A-Za-z0-9_]{5,32}$`)

// checkHelpContact accepts a Telegram username, an http(s) URL or a short
// line of text.
func checkHelpContact(s string) error {
	switch {
	case s == "":
		return nil
	case utf8.RuneCountInString(s) > MaxHelpContact || strings.ContainsAny(s, "\r\n"):
		return fmt.Errorf("help-contact must be one line of at most %d characters", MaxHelpContact)
	case strings.HasPrefix(s, "@") && !strings.ContainsRune(s, ' ') && !username.MatchString(s):
		return fmt.Errorf("help-contact %q is not a Telegram username (@ and 5 to 32 letters, digits or _)", s)
	case strings.Contains(s, "://") && !strings.ContainsRune(s, ' '):
		if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("help-contact %q is not an http or https URL", s)
		}
	}
	return nil
}

// Print writes the effective configuration, one setting per line, with
// secrets masked.
func (c *Config) Print(w io.Writer) {
	for _, s := range c.Settings() {
		var val string
		switch t := s.target.(type) {
		case *string:
			val = *t
		case *bool:
			val = strconv.FormatBool(*t)
		case *int:
			val = strconv.Itoa(*t)
		case *time.Duration:
			val = t.String()
		case encoding.TextMarshaler:
			b, _ := t.MarshalText()
			val = string(b)
		}
		if s.Secret && val != "" {
			val = Mask(val)
		}
		fmt.Fprintf(w, "%-24s %s\n", s.Name+":", strconv.Quote(val))
	}
}

// Mask hides a secret but for a hint of its length.
func Mask(s string) string {
	if s == "" {
		return ""
	}
	return "****** (" + strconv.Itoa(len(s)) + " characters)"
}
