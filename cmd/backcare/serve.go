package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/config"
	"github.com/backcare/backcare/internal/telegram"
)

// adapter is a platform connection that runs until its context ends.
type adapter interface {
	Run(ctx context.Context) error
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
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

	kb, err := loadKB(cfg.KB)
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	eng := newEngine(kb, bot.Options{
		Contexts: bot.NewMemoryContexts(cfg.ContextTTL),
		Limiter:  bot.NewMemoryLimiter(cfg.RateEvery, cfg.RateBurst),
	})

	var adapters []adapter
	if cfg.TelegramToken != "" {
		tc := telegram.Config{
			Token: cfg.TelegramToken, Endpoint: cfg.TelegramEndpoint, Workers: cfg.Workers,
			ShutdownTimeout: cfg.ShutdownTimeout, Logger: log,
		}
		if cfg.TelegramWebhookURL != "" {
			tc.Webhook = &telegram.Webhook{URL: cfg.TelegramWebhookURL, Listen: cfg.TelegramWebhookListen,
				Path: cfg.TelegramWebhookPath, Secret: cfg.TelegramWebhookSecret}
		}
		adapters = append(adapters, telegram.New(tc, eng))
	}
	if cfg.DiscordToken != "" {
		log.Warn("DISCORD_BOT_TOKEN is set, but this build has no Discord adapter yet")
	}

	log.Info("serving", "topics", len(kb.Topics), "adapters", len(adapters))
	return runAll(ctx, adapters)
}

// runAll runs the adapters until ctx ends. If one fails, the others are
// stopped and its error returned.
func runAll(ctx context.Context, adapters []adapter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for _, a := range adapters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.Run(ctx); err != nil {
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
	return slog.New(h).With("start", time.Now().UTC().Format(time.RFC3339))
}
