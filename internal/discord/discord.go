// Package discord is Backcare's Discord adapter, built on
// github.com/bwmarrin/discordgo.
//
// It registers one slash command, /backcare, with the subcommands ask,
// causes, tips, doctor and about, usable in servers, in direct messages
// with the bot and in other private channels, by a server's installation
// or a member's own (user install); answers interactions within Discord's
// three-second deadline (directly when the answer is ready, otherwise
// deferred and followed up); suggests topic titles as a member types a
// question (autocomplete); turns related topics into buttons, with 👍 and
// 👎 under every answer (acknowledged by updating the message) and, where
// others can read the answer, a button that sends it privately; and,
// when the Message Content intent is enabled, answers mentions and direct
// messages. Handlers run on a bounded worker pool, never on discordgo's
// event loop, and a panic in one is recovered.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/workpool"
)

// Platform is the bot.Message platform name of this adapter.
const Platform = "discord"

// CommandName is the top-level slash command.
const CommandName = "backcare"

// Handler answers messages; *bot.Engine is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) bot.Reply
}

// Config configures the adapter. Token is required.
type Config struct {
	Token string
	// GuildID registers the commands in one server (they appear at once);
	// empty registers them globally.
	GuildID string
	// Ephemeral makes answers to /backcare ask (and its buttons) visible
	// only to the asker.
	Ephemeral bool
	// MessageContent requests the privileged Message Content intent, to
	// answer mentions and direct messages.
	MessageContent bool
	// ShardID and ShardCount split a large bot over several processes.
	ShardID, ShardCount int
	// Workers bounds how many channels are served at once; default 8.
	Workers int
	// DeferAfter: an interaction whose answer is not ready this long after
	// it arrived is acknowledged with a deferred response; default 2 s
	// (Discord's deadline is 3 s).
	DeferAfter time.Duration
	// ShutdownTimeout bounds how long replies in flight may take at
	// shutdown; default 10 s.
	ShutdownTimeout time.Duration
	Logger          *slog.Logger
	// OnSendError, if set, is told about failed API calls, for metrics.
	OnSendError func(method, status string)
}

// Adapter connects one Discord bot (or one shard of it) to a Handler.
type Adapter struct {
	cfg       Config
	h         Handler
	log       *slog.Logger
	s         *discordgo.Session
	pool      *workpool.Pool
	ctx       context.Context // for handlers; outlives Run's ctx by the shutdown timeout
	botID     atomic.Value    // string
	connected atomic.Bool
	ready     chan struct{}
	readyOnce sync.Once
	register  sync.Once
	// suggesting bounds the autocomplete answers in flight; a keystroke
	// beyond it gets no suggestions.
	suggesting chan struct{}
}

// New returns an adapter; Run connects it.
func New(cfg Config, h Handler) *Adapter {
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = 2 * time.Second
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.ShardCount <= 0 {
		cfg.ShardCount = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a := &Adapter{cfg: cfg, h: h, log: cfg.Logger.With("platform", Platform), ready: make(chan struct{}),
		suggesting: make(chan struct{}, maxSuggesting)}
	a.botID.Store("")
	return a
}

// Ready is closed once the gateway session is ready.
func (a *Adapter) Ready() <-chan struct{} { return a.ready }

// Check reports whether the gateway connection is up, for /readyz.
func (a *Adapter) Check() error {
	if !a.connected.Load() {
		return errors.New("not connected to the Discord gateway")
	}
	return nil
}

// Intents returns the gateway intents the adapter asks for: none that are
// privileged unless MessageContent is set.
func (c Config) Intents() discordgo.Intent {
	if c.MessageContent {
		return discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent
	}
	return discordgo.IntentsGuilds
}

// Run connects and serves until ctx is cancelled, then closes the session,
// lets replies in flight finish (up to ShutdownTimeout) and returns nil.
// It returns an error only when it cannot start.
func (a *Adapter) Run(ctx context.Context) error {
	s, err := discordgo.New("Bot " + a.cfg.Token)
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	s.Identify.Intents = a.cfg.Intents()
	s.ShardID, s.ShardCount = a.cfg.ShardID, a.cfg.ShardCount
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true
	s.StateEnabled = false // Backcare needs no cache of guilds and members
	// Handlers run on the gateway loop, in event order, and only queue work
	// (never blocking): per-channel order is kept, and discordgo's REST
	// calls, including its waits on 429s, happen on the workers.
	s.SyncEvents = true
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: newLimitedTransport(nil, GlobalRate)}
	a.s = s

	hctx, cancelHandlers := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHandlers()
	a.ctx = hctx
	a.pool = workpool.New(a.cfg.Workers, 64)
	s.AddHandler(a.onReady)
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { a.connected.Store(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { a.connected.Store(false) })
	s.AddHandler(a.onInteraction)
	s.AddHandler(a.onMessage)

	for attempt := 0; ; attempt++ {
		err := s.Open()
		if err == nil {
			break
		}
		if isAuthError(err) {
			a.pool.Close()
			return fmt.Errorf("discord: the bot token was refused (%s); check DISCORD_BOT_TOKEN", Redact(err.Error(), a.cfg.Token))
		}
		d := min(time.Second<<min(attempt, 6), time.Minute)
		msg := Redact(err.Error(), a.cfg.Token)
		if e := explain(msg); e != "" {
			a.log.Error(e, "err", msg, "retry_in", d)
		} else {
			a.log.Warn("cannot connect to the Discord gateway, retrying", "err", msg, "in", d)
		}
		select {
		case <-ctx.Done():
			a.pool.Close()
			return nil
		case <-time.After(d):
		}
	}

	<-ctx.Done()
	// Stop taking events, then let the workers finish. Commands are left
	// registered: deleting them would break the bot for other shards and
	// for users until the next start.
	if err := s.Close(); err != nil {
		a.log.Debug("closing the gateway session", "err", err)
	}
	a.connected.Store(false)
	drained := make(chan struct{})
	go func() { a.pool.Close(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(a.cfg.ShutdownTimeout):
		a.log.Warn("shutdown timeout: abandoning replies still in flight")
		cancelHandlers()
		<-drained
	}
	a.log.Info("stopped")
	return nil
}

func isAuthError(err error) bool {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return true
	}
	return strings.Contains(err.Error(), "4004")
}

func (a *Adapter) onReady(s *discordgo.Session, r *discordgo.Ready) {
	if r.User != nil {
		a.botID.Store(r.User.ID)
	}
	a.connected.Store(true)
	a.readyOnce.Do(func() { close(a.ready) })
	a.log.Info("connected", "shard", a.cfg.ShardID, "shards", a.cfg.ShardCount, "message_content", a.cfg.MessageContent)
	appID := ""
	if r.Application != nil {
		appID = r.Application.ID
	} else if r.User != nil {
		appID = r.User.ID
	}
	// Only shard 0 registers, once per process; the bulk overwrite is
	// idempotent, so a restart registers the same commands again.
	if a.cfg.ShardID == 0 && appID != "" {
		a.register.Do(func() { go a.registerCommands(appID) })
	}
}

// Contexts are where the command can be used: servers, direct messages
// with the bot, and other private channels (group DMs, DMs between
// members, where a member who installed the app can ask privately).
var Contexts = []discordgo.InteractionContextType{
	discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel,
}

// IntegrationTypes are how the app can be installed: to a server, and to
// a member's own account.
var IntegrationTypes = []discordgo.ApplicationIntegrationType{
	discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall,
}

// Commands returns the slash command definition, for global registration:
// it declares Contexts and IntegrationTypes, which Discord reads on
// global commands only.
func Commands() []*discordgo.ApplicationCommand {
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	desc := map[string]string{}
	for _, c := range bot.Commands() {
		desc[c.Name] = c.Description
	}
	contexts, integrations := slices.Clone(Contexts), slices.Clone(IntegrationTypes)
	return []*discordgo.ApplicationCommand{{
		Name:             CommandName,
		Description:      "Back spasms in pregnancy: causes, relief, and when to call a midwife or doctor",
		Contexts:         &contexts,
		IntegrationTypes: &integrations,
		Options: []*discordgo.ApplicationCommandOption{
			sub(bot.CmdAsk, desc[bot.CmdAsk], &discordgo.ApplicationCommandOption{
				Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question, in your own words",
				Required: true, MaxLength: 1000, Autocomplete: true,
			}),
			sub(bot.CmdCauses, desc[bot.CmdCauses]),
			sub(bot.CmdTips, desc[bot.CmdTips]),
			sub(bot.CmdDoctor, desc[bot.CmdDoctor]),
			sub(bot.CmdAbout, desc[bot.CmdAbout]),
		},
	}}
}

func (a *Adapter) registerCommands(appID string) {
	cmds := Commands()
	if a.cfg.GuildID != "" {
		// A server's commands exist in that server only.
		for _, c := range cmds {
			c.Contexts, c.IntegrationTypes = nil, nil
		}
	}
	for attempt := 0; attempt < 6; attempt++ {
		_, err := a.s.ApplicationCommandBulkOverwrite(appID, a.cfg.GuildID, cmds)
		if err == nil {
			scope := "global (may take a while to appear)"
			if a.cfg.GuildID != "" {
				scope = "server " + a.cfg.GuildID
			}
			a.log.Info("slash commands registered", "scope", scope)
			return
		}
		a.failed("bulkOverwriteCommands", err)
		a.log.Warn("registering slash commands failed", "err", Redact(err.Error(), a.cfg.Token))
		select {
		case <-a.ctx.Done():
			return
		case <-time.After(time.Second << attempt):
		}
	}
}

func (a *Adapter) failed(method string, err error) {
	if a.cfg.OnSendError == nil {
		return
	}
	status := "network"
	var re *discordgo.RESTError
	var rl *discordgo.RateLimitError
	switch {
	case errors.As(err, &rl):
		status = "429"
	case errors.As(err, &re) && re.Response != nil && re.Response.StatusCode >= 500:
		status = "5xx"
	case errors.As(err, &re) && re.Response != nil:
		status = fmt.Sprint(re.Response.StatusCode)
	}
	a.cfg.OnSendError(method, status)
}

// safely runs f, logging a panic instead of letting it kill the process
// (discordgo runs handlers without recovering).
func (a *Adapter) safely(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			a.log.Error("handler panicked; skipped", "event", what, "panic", Redact(fmt.Sprint(r), a.cfg.Token))
		}
	}()
	f()
}

// Redact replaces every occurrence of token in s.
func Redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<redacted>")
}
