// Package telegram is Backcare's Telegram adapter, built on
// github.com/go-telegram-bot-api/telegram-bot-api/v5.
//
// It turns Telegram updates into bot.Messages, hands them to the engine and
// renders the replies as HTML messages with inline keyboards. It runs its
// own update loop (long polling, or a webhook server) with a
// context.Context, handles updates concurrently while keeping each chat's
// order, retries failed sends (429 with Telegram's retry_after, 5xx and
// network errors with exponential backoff and jitter), recovers from
// updates whose handling panics, and never writes the bot token or a
// user's text to a log.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/workpool"
)

// Platform is the bot.Message platform name of this adapter.
const Platform = "telegram"

// Handler answers messages; *bot.Engine is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) bot.Reply
}

// Config configures the adapter. Token is required; zero values elsewhere
// take the defaults noted.
type Config struct {
	Token string
	// Endpoint is the Bot API endpoint in the library's format,
	// "http://host:port/bot%s/%s"; default tgbotapi.APIEndpoint.
	Endpoint string
	// PollTimeout is the long-polling timeout; default 30 s.
	PollTimeout time.Duration
	// Workers bounds how many chats are served at once; default 8.
	Workers int
	// ShutdownTimeout bounds how long replies in flight may take to finish
	// after the context is cancelled; default 10 s.
	ShutdownTimeout time.Duration
	// Retry governs failed Bot API calls.
	Retry Retry
	// Webhook, if set, receives updates by webhook instead of polling.
	Webhook *Webhook
	// Updates records handled update ids, so a retried webhook delivery is
	// answered once; default in memory for an hour.
	Updates bot.UpdateLog
	// Logger receives operational logs; default slog.Default().
	Logger *slog.Logger
	// HTTPClient makes the API calls; default a client with no timeout of
	// its own (every call has a context deadline).
	HTTPClient *http.Client
	// OnSendError, if set, is told about every failed API call by method
	// and status ("429", "5xx", "network", "400", ...), for metrics.
	OnSendError func(method, status string)
}

// Webhook configures webhook mode.
type Webhook struct {
	// URL is the public HTTPS address Telegram posts updates to.
	URL string
	// Listen is the local address to serve on, such as ":8443".
	Listen string
	// Path is the request path updates arrive on, such as "/telegram".
	Path string
	// Secret is sent to Telegram with setWebhook and must come back in the
	// X-Telegram-Bot-Api-Secret-Token header of every update.
	Secret string
}

// Retry is the retry policy for Bot API calls.
type Retry struct {
	// Attempts is the most tries per call; default 5.
	Attempts int
	// Base is the first backoff; it doubles per try up to Max, with jitter.
	// Defaults 500 ms and 30 s.
	Base, Max time.Duration
	// MaxRetryAfter caps how long a 429's retry_after is honoured; default 60 s.
	MaxRetryAfter time.Duration
}

// Adapter connects one Telegram bot to a Handler.
type Adapter struct {
	cfg     Config
	h       Handler
	log     *slog.Logger
	api     *tgbotapi.BotAPI // Self and endpoint; never used directly for calls
	connect sync.Once
	ready   chan struct{}
	healthy atomic.Bool // the last getUpdates or setWebhook succeeded
}

// Check reports whether the adapter is connected and receiving updates,
// for the readiness endpoint.
func (a *Adapter) Check() error {
	select {
	case <-a.ready:
	default:
		return errors.New("not connected to the Bot API yet")
	}
	if !a.healthy.Load() {
		return errors.New("not receiving updates (the last getUpdates or setWebhook failed)")
	}
	return nil
}

// New returns an adapter; Run connects it.
func New(cfg Config, h Handler) *Adapter {
	if cfg.Endpoint == "" {
		cfg.Endpoint = tgbotapi.APIEndpoint
	}
	if cfg.PollTimeout == 0 {
		cfg.PollTimeout = 30 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.ShutdownTimeout == 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.Retry.Attempts <= 0 {
		cfg.Retry.Attempts = 5
	}
	if cfg.Retry.Base <= 0 {
		cfg.Retry.Base = 500 * time.Millisecond
	}
	if cfg.Retry.Max <= 0 {
		cfg.Retry.Max = 30 * time.Second
	}
	if cfg.Retry.MaxRetryAfter <= 0 {
		cfg.Retry.MaxRetryAfter = 60 * time.Second
	}
	if cfg.Updates == nil {
		cfg.Updates = bot.NewMemoryUpdateLog(time.Hour)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	return &Adapter{cfg: cfg, h: h, log: cfg.Logger.With("platform", Platform), ready: make(chan struct{})}
}

// Ready is closed once the adapter has connected (getMe succeeded).
func (a *Adapter) Ready() <-chan struct{} { return a.ready }

// ctxClient makes the library's requests carry a context, so that a long
// poll can be cancelled at shutdown and every call has a deadline.
type ctxClient struct {
	ctx context.Context
	c   *http.Client
}

func (c ctxClient) Do(req *http.Request) (*http.Response, error) {
	return c.c.Do(req.WithContext(c.ctx))
}

// call returns a BotAPI whose requests use ctx.
func (a *Adapter) call(ctx context.Context) *tgbotapi.BotAPI {
	c := *a.api
	c.Client = ctxClient{ctx, a.cfg.HTTPClient}
	return &c
}

// redact removes the token from an error's text: the library's errors embed
// request URLs, and the token is part of every URL.
func (a *Adapter) redact(err error) error {
	if err == nil {
		return nil
	}
	return redactedError{msg: Redact(err.Error(), a.cfg.Token), err: err}
}

// Redact replaces every occurrence of token in s.
func Redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<redacted>")
}

type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }

// Unwrap lets errors.As find *tgbotapi.Error; its text never holds a URL.
func (e redactedError) Unwrap() error {
	var te *tgbotapi.Error
	if errors.As(e.err, &te) {
		return te
	}
	return nil
}

// Run connects to Telegram and serves updates until ctx is cancelled, then
// stops taking updates, lets replies in flight finish (up to
// ShutdownTimeout) and returns nil. It returns an error only if it cannot
// start (an invalid token, a webhook address already in use).
func (a *Adapter) Run(ctx context.Context) error {
	if err := a.connectLoop(ctx); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return nil
	}
	a.setCommands(ctx)

	// Sends outlive ctx by up to ShutdownTimeout so replies in flight are
	// delivered.
	sendCtx, cancelSends := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSends()
	p := workpool.New(a.cfg.Workers, 64)

	var err error
	if a.cfg.Webhook != nil {
		err = a.serveWebhook(ctx, sendCtx, p)
	} else {
		err = a.poll(ctx, sendCtx, p)
	}
	drained := make(chan struct{})
	go func() { p.Close(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(a.cfg.ShutdownTimeout):
		a.log.Warn("shutdown timeout: abandoning replies still in flight")
		cancelSends()
		<-drained
	}
	a.log.Info("stopped")
	return err
}

// connectLoop calls getMe until it succeeds, ctx ends, or Telegram says
// the token is wrong.
func (a *Adapter) connectLoop(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		api, err := tgbotapi.NewBotAPIWithClient(a.cfg.Token, a.cfg.Endpoint, ctxClient{ctx, a.cfg.HTTPClient})
		if err == nil {
			a.api = api
			a.connect.Do(func() { close(a.ready) })
			a.log.Info("connected", "bot", api.Self.UserName)
			return nil
		}
		var te *tgbotapi.Error
		if errors.As(err, &te) && (te.Code == http.StatusUnauthorized || te.Code == http.StatusNotFound) {
			return fmt.Errorf("telegram: the bot token was refused (%d %s); check TELEGRAM_BOT_TOKEN", te.Code, te.Message)
		}
		if ctx.Err() != nil {
			return nil
		}
		d := a.backoff(attempt)
		a.log.Warn("cannot reach the Bot API, retrying", "err", a.redact(err), "in", d)
		if !sleep(ctx, d) {
			return nil
		}
	}
}

func (a *Adapter) setCommands(ctx context.Context) {
	var cmds []tgbotapi.BotCommand
	for _, c := range bot.Commands() {
		cmds = append(cmds, tgbotapi.BotCommand{Command: c.Name, Description: c.Description})
	}
	if err := a.request(ctx, "setMyCommands", tgbotapi.NewSetMyCommands(cmds...)); err != nil {
		a.log.Warn("setMyCommands failed; the command menu may be out of date", "err", err)
	}
}

// poll is the long-polling loop. A batch's offset is acknowledged only
// after every update in it was handled, and a final getUpdates on the way
// out acknowledges the last batch, so a restart neither repeats nor loses
// updates.
func (a *Adapter) poll(ctx, sendCtx context.Context, p *workpool.Pool) error {
	if err := a.request(ctx, "deleteWebhook", tgbotapi.DeleteWebhookConfig{}); err != nil && ctx.Err() == nil {
		a.log.Warn("deleteWebhook failed; polling may conflict with a webhook", "err", err)
	}
	a.healthy.Store(true) // until a getUpdates fails; a long poll may take PollTimeout to return
	offset, acked := 0, 0
	allowed := []string{"message", "edited_message", "channel_post", "callback_query"}
	for attempt := 0; ctx.Err() == nil; {
		pollCtx, cancel := context.WithTimeout(ctx, a.cfg.PollTimeout+15*time.Second)
		updates, err := a.call(pollCtx).GetUpdates(tgbotapi.UpdateConfig{
			Offset: offset, Timeout: int(a.cfg.PollTimeout / time.Second), AllowedUpdates: allowed,
		})
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			a.healthy.Store(false)
			a.failed("getUpdates", err)
			d, _ := a.retryDelay(err, attempt)
			attempt++
			a.log.Warn("getUpdates failed, retrying", "err", a.redact(err), "in", d)
			sleep(ctx, d)
			continue
		}
		attempt = 0
		a.healthy.Store(true)
		acked = offset
		if len(updates) == 0 {
			continue
		}
		var wg sync.WaitGroup
		for _, u := range updates {
			if u.UpdateID >= offset {
				offset = u.UpdateID + 1
			}
			wg.Add(1)
			if !p.Dispatch(chatKey(u), func() {
				defer wg.Done()
				a.handle(sendCtx, u)
			}) {
				wg.Done()
			}
		}
		wg.Wait()
	}
	if offset > acked {
		ackCtx, cancel := context.WithTimeout(sendCtx, 5*time.Second)
		_, err := a.call(ackCtx).GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Limit: 1})
		cancel()
		if err != nil {
			a.log.Warn("could not acknowledge the last updates; they may be answered again after a restart", "err", a.redact(err))
		}
	}
	return nil
}

// handle answers one update. A panic is recovered and logged without the
// message text, and the update is skipped.
func (a *Adapter) handle(ctx context.Context, u tgbotapi.Update) {
	defer func() {
		if r := recover(); r != nil {
			a.log.Error("update handling panicked; skipped", "update_id", u.UpdateID, "panic", Redact(fmt.Sprint(r), a.cfg.Token))
		}
	}()
	claimed, err := a.cfg.Updates.Claim(ctx, Platform+":"+strconv.Itoa(u.UpdateID))
	if err == nil && !claimed {
		a.log.Debug("update already handled", "update_id", u.UpdateID)
		return
	}
	start := time.Now()
	m, chatID, replyTo, ok := a.toMessage(u)
	if u.CallbackQuery != nil {
		// Stop the button's spinner first; answerCallbackQuery returns
		// True, not a Message, so it goes through Request.
		if err := a.request(ctx, "answerCallbackQuery", tgbotapi.NewCallback(u.CallbackQuery.ID, "")); err != nil {
			a.log.Warn("answerCallbackQuery failed", "update_id", u.UpdateID, "err", err)
		}
	}
	if !ok {
		return
	}
	r := a.h.Handle(ctx, m)
	if r.Silent() {
		return
	}
	for i, part := range Render(r) {
		msg := tgbotapi.NewMessage(chatID, part.HTML)
		msg.ParseMode = tgbotapi.ModeHTML
		msg.DisableWebPagePreview = true
		if i == 0 && replyTo != 0 {
			msg.ReplyToMessageID = replyTo
			msg.AllowSendingWithoutReply = true
		}
		if part.Keyboard != nil {
			msg.ReplyMarkup = *part.Keyboard
		}
		if err := a.send(ctx, msg); err != nil {
			a.log.Error("reply not delivered", "update_id", u.UpdateID, "kind", r.Kind, "err", err)
			return
		}
	}
	a.log.Debug("replied", "update_id", u.UpdateID, "kind", r.Kind, "topic", r.TopicID, "latency", time.Since(start))
}

// send sends one message with retries.
func (a *Adapter) send(ctx context.Context, msg tgbotapi.MessageConfig) error {
	return a.retry(ctx, "sendMessage", func(ctx context.Context) error {
		_, err := a.call(ctx).Send(msg)
		return err
	})
}

// request makes a call whose result is not a Message, with retries.
func (a *Adapter) request(ctx context.Context, method string, c tgbotapi.Chattable) error {
	return a.retry(ctx, method, func(ctx context.Context) error {
		_, err := a.call(ctx).Request(c)
		return err
	})
}

// retry runs f until it succeeds, fails permanently, runs out of attempts
// or ctx ends. Errors it returns are redacted.
func (a *Adapter) retry(ctx context.Context, method string, f func(context.Context) error) error {
	var err error
	for attempt := 0; attempt < a.cfg.Retry.Attempts; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err = f(callCtx)
		cancel()
		if err == nil {
			return nil
		}
		a.failed(method, err)
		d, again := a.retryDelay(err, attempt)
		if !again || attempt == a.cfg.Retry.Attempts-1 {
			break
		}
		a.log.Debug("retrying", "method", method, "err", a.redact(err), "in", d)
		if !sleep(ctx, d) {
			break
		}
	}
	return fmt.Errorf("%s: %w", method, a.redact(err))
}

func (a *Adapter) failed(method string, err error) {
	if a.cfg.OnSendError != nil {
		a.cfg.OnSendError(method, status(err))
	}
}

// status classifies an error for metrics.
func status(err error) string {
	var te *tgbotapi.Error
	switch {
	case errors.As(err, &te) && te.Code >= 500:
		return "5xx"
	case errors.As(err, &te) && te.Code != 0:
		return strconv.Itoa(te.Code)
	default:
		return "network"
	}
}

// retryDelay says how long to wait before another try, and whether to try
// again at all: 429 waits Telegram's retry_after; 5xx, network and
// malformed responses back off exponentially; other 4xx are permanent.
func (a *Adapter) retryDelay(err error, attempt int) (time.Duration, bool) {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		switch {
		case te.Code == http.StatusTooManyRequests:
			d := time.Duration(te.RetryAfter) * time.Second
			return min(max(d, time.Second), a.cfg.Retry.MaxRetryAfter), true
		case te.Code >= 500:
			return a.backoff(attempt), true
		case te.Code != 0:
			return 0, false
		}
	}
	return a.backoff(attempt), true
}

// backoff is exponential with full jitter in [d/2, d].
func (a *Adapter) backoff(attempt int) time.Duration {
	d := a.cfg.Retry.Base << min(attempt, 20)
	if d > a.cfg.Retry.Max || d <= 0 {
		d = a.cfg.Retry.Max
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// chatKey routes an update to a worker: updates of one chat go to the same
// worker, in order.
func chatKey(u tgbotapi.Update) string {
	if c := u.FromChat(); c != nil {
		return strconv.FormatInt(c.ID, 10)
	}
	return "u" + strconv.Itoa(u.UpdateID)
}
