package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/config"
	"github.com/backcare/backcare/internal/discord"
	"github.com/backcare/backcare/internal/insights"
	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/listener"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/ops"
	"github.com/backcare/backcare/internal/outbound"
	"github.com/backcare/backcare/internal/redis"
	"github.com/backcare/backcare/internal/reload"
	"github.com/backcare/backcare/internal/startup"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/knowledge"
)

// runner is anything that runs until its context ends: an adapter, the
// operations listener, the knowledge-base watcher.
type runner interface {
	Run(ctx context.Context) error
}

type runFunc func(ctx context.Context) error

func (f runFunc) Run(ctx context.Context) error { return f(ctx) }

// serveHooks let tests learn the operations listener's address and when
// the knowledge-base watcher is registered.
type serveHooks struct {
	opsListening func(net.Addr)
	kbWatching   func()
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return serveWith(ctx, args, stdout, stderr, serveHooks{})
}

func serveWith(ctx context.Context, args []string, stdout, stderr io.Writer, hooks serveHooks) error {
	var printConfig bool
	cfg, err := config.Load(args, os.Getenv, stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&printConfig, "print-config", false, "print the effective configuration (secrets masked) and exit")
	})
	if errors.Is(err, flag.ErrHelp) {
		return exitError{0}
	}
	if err != nil {
		fmt.Fprintf(stderr, "backcare serve: %v\n", err)
		return exitError{2}
	}
	if printConfig {
		cfg.Print(stdout)
		return nil
	}
	log := newLogger(cfg, stderr)

	if cfg.TelegramToken == "" && cfg.DiscordToken == "" {
		fmt.Fprint(stderr, `backcare serve: no platform is configured. Set at least one of:
  TELEGRAM_BOT_TOKEN   a Telegram bot token from @BotFather
  DISCORD_BOT_TOKEN    a Discord bot token from the developer portal
(or the --telegram-token / --discord-token flags). To try the bot without a platform, run "backcare chat".
`)
		return exitError{2}
	}
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	if cfg.LogMessageText {
		log.Warn("--log-message-text is on: users' messages (health information) will be written to the logs; use it only for debugging")
	}

	restore := startup.Pace(startup.DefaultLimit)
	defer restore()
	kb, err := loadKB(cfg.KB)
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	region, err := kb.SelectRegion(cfg.Region)
	if err != nil {
		fmt.Fprintf(stderr, "backcare serve: %v\n", err)
		return exitError{2}
	}
	metrics := ops.NewMetrics(version)
	metrics.KnowledgeVersion(kb.Version)
	health := ops.NewHealth()
	observers := []func(bot.Message, bot.Reply, time.Duration){
		metrics.Observe,
		ops.MessageLog(log, ops.NewHasher(cfg.HashSalt), cfg.LogMessageText),
	}
	if cfg.InsightsLog != "" {
		rec, err := insights.Open(cfg.InsightsLog, insights.Options{
			OnDrop:  metrics.InsightsDropped,
			OnError: func(err error) { log.Error("insights log: lines are being lost", "err", err) },
		})
		if err != nil {
			return err
		}
		defer func() {
			if err := rec.Close(); err != nil {
				log.Error("insights log", "err", err)
			}
		}()
		observers = append(observers, rec.Observe)
		log.Info("insights log on: one line per reply, without ids; the text of unanswered questions and of comments after 👎 only", "file", cfg.InsightsLog)
	}
	opts := bot.Options{
		Contexts:    bot.NewMemoryContexts(cfg.ContextTTL),
		Limiter:     bot.NewMemoryLimiter(cfg.RateEvery, cfg.RateBurst),
		HelpContact: cfg.HelpContact,
		Region:      region,
	}
	var leases, pollerLock lease.Store // default: in memory, per adapter; no lock
	if cfg.RedisURL != "" {
		state, err := redis.Open(redis.Options{URL: cfg.RedisURL, ContextTTL: cfg.ContextTTL,
			RateEvery: cfg.RateEvery, RateBurst: cfg.RateBurst, Logger: log, OnError: metrics.StateError})
		if err != nil {
			return err
		}
		defer state.Close()
		opts.Contexts, opts.Limiter, opts.Locker = state.Contexts(), state.Limiter(), state.Locker()
		leases, pollerLock = state.Leases(), state.StrictLeases()
	}
	opts.Observe = func(m bot.Message, r bot.Reply, d time.Duration) {
		for _, o := range observers {
			o(m, r, d)
		}
	}
	eng, err := newEngine(kb, opts)
	restore()
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	metrics.KnownTopic = func(id string) bool {
		_, ok := eng.Knowledge().Topic(id)
		return ok
	}
	health.Add("knowledge-base", func() error {
		if eng.Knowledge() == nil {
			return errors.New("not loaded")
		}
		return nil
	})

	var runners []runner
	if cfg.TelegramToken != "" {
		tc := telegram.Config{
			Token: cfg.TelegramToken, Endpoint: cfg.TelegramEndpoint, Workers: cfg.Workers,
			ShutdownTimeout: cfg.ShutdownTimeout, Logger: log,
			Leases: leases, PollerLock: pollerLock, LeaseTTL: cfg.LeaseTTL,
			Send: outbound.Config{Chat: cfg.TelegramChatLimit, Group: cfg.TelegramGroupLimit,
				Global: cfg.TelegramGlobalLimit, RetryWindow: cfg.RetryWindow},
			OnSendError: func(method, status string) { metrics.SendError(telegram.Platform, method, status) },
			OnSettled:   func(result string) { metrics.Delivery(telegram.Platform, result) },
			Description: kb.Welcome,
		}
		if cfg.TelegramWebhookURL != "" {
			tc.Webhook = &telegram.Webhook{URL: cfg.TelegramWebhookURL, Listen: cfg.TelegramWebhookListen,
				Path: cfg.TelegramWebhookPath, Secret: cfg.TelegramWebhookSecret}
		}
		tg := telegram.New(tc, eng)
		health.Add("telegram", tg.Check)
		runners = append(runners, tg)
	}
	if cfg.DiscordToken != "" {
		// discordgo's endpoints and logger are process-wide; they are set
		// here, once, before the session starts.
		if cfg.DiscordAPIBase != "" {
			discord.SetAPIBase(cfg.DiscordAPIBase)
		}
		discord.InstallLogger(log, cfg.DiscordToken)
		dc := discord.New(discord.Config{
			Token: cfg.DiscordToken, GuildID: cfg.DiscordGuildID, Ephemeral: cfg.DiscordEphemeral,
			MessageContent: cfg.DiscordMessageContent, ShardID: cfg.DiscordShardID, ShardCount: cfg.DiscordShardCount,
			Workers: cfg.Workers, ShutdownTimeout: cfg.ShutdownTimeout, Logger: log,
			OnSendError: func(method, status string) { metrics.SendError(discord.Platform, method, status) },
		}, eng)
		health.Add("discord", dc.Check)
		runners = append(runners, dc)
	}
	if cfg.HTTPAddr != "" {
		runners = append(runners, runFunc(func(ctx context.Context) error {
			return ops.Serve(ctx, cfg.HTTPAddr, ops.Handler(metrics, health), listener.Limits{}, log, hooks.opsListening)
		}))
	}
	if cfg.KB != "" {
		rl := &reload.Reloader{Path: cfg.KB, Log: log, Result: metrics.Reload, Watching: hooks.kbWatching,
			Check: func(kb *knowledge.Base) error { // the region must still be there
				_, err := kb.SelectRegion(cfg.Region)
				return err
			},
			Apply: func(kb *knowledge.Base) {
				m, err := match.New(kb)
				if err != nil { // validation makes this impossible; keep the last good one
					log.Error("knowledge base rejected; keeping the last good one", "err", err)
					return
				}
				eng.Swap(kb, m)
				metrics.KnowledgeVersion(kb.Version)
			}}
		runners = append(runners, runFunc(func(ctx context.Context) error {
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			defer signal.Stop(hup)
			return rl.Run(ctx, hup)
		}))
	}

	log.Info("serving", "version", version, "topics", len(kb.Topics), "kb", kbName(cfg.KB), "kb_version", kb.Version, "region", cfg.Region,
		"review_warnings", len(kb.ReviewWarnings(time.Now())))
	return runAll(ctx, runners)
}

func kbName(path string) string {
	if path == "" {
		return "embedded"
	}
	return path
}

// runAll runs everything until ctx ends. If one fails, the others are
// stopped and its error returned.
func runAll(ctx context.Context, runners []runner) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for _, r := range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.Run(ctx); err != nil {
				once.Do(func() { first = err })
				cancel()
			}
		}()
	}
	wg.Wait()
	return first
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	return slog.New(h)
}
