// Package telegram is Backcare's Telegram adapter, built on
// github.com/go-telegram-bot-api/telegram-bot-api/v5.
//
// It turns Telegram updates into bot.Messages, hands them to the engine and
// renders the replies as HTML messages with inline keyboards. It runs its
// own update loop (long polling, or a webhook server) with a
// context.Context and handles chats concurrently, each chat in order.
//
// Forum supergroups: updates are decoded into Update, which adds the
// topic fields the library lacks, so each forum topic is a conversation
// of its own (bot.Message.Thread) and every reply, including the answer
// to a button, is sent to its topic (never with the General topic's id).
// When the bot is added to a group it says hello once a day at most; when
// a member blocks it, it forgets their chat and drops what it was still
// sending there. Group answers carry a "Continue privately" deep link,
// and presses of the feedback buttons are acknowledged in place
// (answerCallbackQuery, and the keyboard edited).
//
// Every reply goes through an outbound.Scheduler, which keeps within
// Telegram's limits (per chat, per group, overall), waits out a 429's
// retry_after for what it limited only, and retries 5xx and network
// errors within a retry window. An update is acknowledged (the polling
// offset moved past it, the webhook answered 200, its lease marked done)
// only once its reply was delivered or refused for good, so a crash or a
// restart loses nothing; leases (internal/lease) keep replicas, restarts
// and Telegram's retries from answering an update twice. The bot token
// and users' text never reach a log.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/listener"
	"github.com/backcare/backcare/internal/notify"
	"github.com/backcare/backcare/internal/outbound"
)

// Platform is the bot.Message platform name of this adapter.
const Platform = "telegram"

// Handler answers messages; *bot.Engine is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) bot.Reply
}

// Telegram's documented limits on sending messages: about one a second
// per chat, 20 a minute per group, 30 a second overall.
var (
	ChatLimit   = outbound.Limit{N: 1, Per: time.Second}
	GroupLimit  = outbound.Limit{N: 20, Per: time.Minute}
	GlobalLimit = outbound.Limit{N: 30, Per: time.Second}
)

// Config configures the adapter. Token is required; zero values elsewhere
// take the defaults noted.
type Config struct {
	Token string
	// Endpoint is the Bot API endpoint in the library's format,
	// "http://host:port/bot%s/%s"; default tgbotapi.APIEndpoint.
	Endpoint string
	// PollTimeout is the long-polling timeout; default 30 s.
	PollTimeout time.Duration
	// Workers bounds how many messages the engine answers at once;
	// default 8. Sending is not bounded by it: a chat waiting on a limit
	// or a retry holds no worker.
	Workers int
	// MaxInFlight bounds the updates being handled at once; polling
	// fetches no more until some are done. Default 100.
	MaxInFlight int
	// ShutdownTimeout bounds how long Run takes to return after its
	// context ends: updates still in flight then are left unacknowledged,
	// to come back after a restart. Default 10 s.
	ShutdownTimeout time.Duration
	// Retry governs getMe and getUpdates after failures.
	Retry Retry
	// Send configures the outbound scheduler: limits (default Telegram's,
	// ChatLimit, GroupLimit and GlobalLimit), the retry window and
	// backoff. Its Logger and OnExpired are set by the adapter.
	Send outbound.Config
	// Webhook, if set, receives updates by webhook instead of polling.
	Webhook *Webhook
	// Leases records which updates are being handled and which are done;
	// default in memory. Replicas share one (Redis).
	Leases lease.Store
	// LeaseTTL is how long a lease lasts unless renewed; after a crash,
	// the update is handled again once it lapses. Default 30 s.
	LeaseTTL time.Duration
	// DoneTTL is how long handled updates are remembered; default 1 h in
	// memory and 24 h with a shared Leases.
	DoneTTL time.Duration
	// PollerLock, if set, is a store shared by replicas in which pollers
	// take a lease on polling, so that one polls at a time and the next
	// takes over when it stops. It must report its failures as errors,
	// never answer from memory: a standby that cannot reach it stands by,
	// and the poller that cannot renew stops before its lease lapses.
	PollerLock lease.Store
	// Logger receives operational logs; default slog.Default().
	Logger *slog.Logger
	// HTTPClient makes the API calls; default a client whose transport
	// keeps enough idle connections for the workers, with no timeout of
	// its own (every call has a context deadline).
	HTTPClient *http.Client
	// OnSendError, if set, is told about every failed API call by method
	// and status ("429", "5xx", "network", "400", ...), for metrics.
	OnSendError func(method, status string)
	// OnSettled, if set, is told how each update was settled: delivered,
	// failed, expired, abandoned or duplicate.
	OnSettled func(result string)
	// Description is the bot's profile text, shown in an empty private
	// chat ("What can this bot do?"): the knowledge base's welcome text.
	// It is registered at start with setMyDescription (cut to 512
	// characters) and setMyShortDescription (120); empty leaves the
	// profile alone.
	Description string
}

// Webhook configures webhook mode.
type Webhook struct {
	// URL is the public HTTPS address Telegram posts updates to.
	URL string
	// Listen is the local address to serve on, such as ":8443"; it is
	// ignored when Listener is set.
	Listen string
	// Listener, if set, is served instead of listening on Listen: one
	// opened by the caller, as a test opens one on a free port (a port
	// found free and closed again may be taken by another process
	// before the adapter listens on it). The webhook's server closes it
	// when it shuts down; if Run returns before serving it (a missing
	// secret, a failed connection), closing it is the caller's. Run
	// serves it once.
	Listener net.Listener
	// Path is the request path updates arrive on, such as "/telegram".
	Path string
	// Secret is sent to Telegram with setWebhook and must come back in the
	// X-Telegram-Bot-Api-Secret-Token header of every update.
	Secret string
	// Wait is how long a request waits for its update to be handled
	// before it is answered 503, so that Telegram sends it again later
	// (a retry joins the handling under way); default 10 s.
	Wait time.Duration
	// Limits bound each connection (listener defaults, with a write
	// timeout of Wait plus 5 s).
	Limits listener.Limits
}

// Retry is the backoff of getMe and getUpdates.
type Retry struct {
	// Base is the first backoff after a network error or a 5xx; it
	// doubles up to Max, with jitter. Defaults 250 ms and 3 s, so polling
	// resumes within seconds of the API answering again.
	Base, Max time.Duration
	// Refused is the most a getUpdates refused with 409 Conflict (another
	// poller, or a webhook) or another 4xx waits before trying again,
	// from 1 s, doubling; default 10 s.
	Refused time.Duration
}

// Adapter connects one Telegram bot to a Handler.
type Adapter struct {
	cfg     Config
	h       Handler
	log     *slog.Logger
	sched   *outbound.Scheduler
	owner   string
	sem     chan struct{} // engine workers
	api     *tgbotapi.BotAPI
	connect sync.Once
	ready   chan struct{}
	healthy atomic.Bool // the last getUpdates or setWebhook succeeded
	refused atomic.Pointer[string]

	mu      sync.Mutex
	tasks   map[int]*task      // updates being handled here
	chats   map[string][]*task // per-chat queues, in order
	wg      sync.WaitGroup     // chat goroutines
	changed notify.Notifier    // a task finished
}

// Check reports whether the adapter is connected and receiving updates,
// for the readiness endpoint.
func (a *Adapter) Check() error {
	if r := a.refused.Load(); r != nil {
		return errors.New(*r)
	}
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
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 100
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.Retry.Base <= 0 {
		cfg.Retry.Base = 250 * time.Millisecond
	}
	if cfg.Retry.Max <= 0 {
		cfg.Retry.Max = 3 * time.Second
	}
	if cfg.Retry.Refused <= 0 {
		cfg.Retry.Refused = 10 * time.Second
	}
	if cfg.Send.Chat == (outbound.Limit{}) {
		cfg.Send.Chat = ChatLimit
	}
	if cfg.Send.Group == (outbound.Limit{}) {
		cfg.Send.Group = GroupLimit
	}
	if cfg.Send.Global == (outbound.Limit{}) {
		cfg.Send.Global = GlobalLimit
	}
	if cfg.LeaseTTL <= 0 {
		cfg.LeaseTTL = 30 * time.Second
	}
	if cfg.Leases == nil {
		cfg.Leases = lease.NewMemory()
		if cfg.DoneTTL <= 0 {
			cfg.DoneTTL = time.Hour
		}
	}
	if cfg.DoneTTL <= 0 {
		cfg.DoneTTL = 24 * time.Hour
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.HTTPClient == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		// Replies to many chats go out at once: keep a connection per
		// worker and more, so each message does not pay for a new TLS
		// handshake.
		tr.MaxIdleConnsPerHost = max(32, 4*cfg.Workers)
		tr.MaxIdleConns = 2 * tr.MaxIdleConnsPerHost
		cfg.HTTPClient = &http.Client{Transport: tr}
	}
	if cfg.Webhook != nil && cfg.Webhook.Wait <= 0 {
		cfg.Webhook.Wait = 10 * time.Second
	}
	log := cfg.Logger.With("platform", Platform)
	a := &Adapter{cfg: cfg, h: h, log: log, owner: lease.NewOwner(), ready: make(chan struct{}),
		sem: make(chan struct{}, cfg.Workers), tasks: map[int]*task{}, chats: map[string][]*task{}}
	send := cfg.Send
	send.Logger = log
	send.OnExpired = nil // counted per update, by OnSettled
	a.sched = outbound.New(send)
	return a
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

// Run connects to Telegram and serves updates until ctx is cancelled.
// Then it stops taking updates, lets those in flight finish, leaves the
// ones still unfinished unacknowledged (Telegram sends them again to the
// next process), and returns nil, all within ShutdownTimeout. It returns
// an error only if it cannot start (a token refused by getMe, a webhook
// address already in use). When Telegram refuses the token later (401 on
// getUpdates: revoked), the adapter stops by itself, logs why once, and
// Check fails; Run returns nil so that other adapters keep running.
func (a *Adapter) Run(ctx context.Context) error {
	if err := a.connectLoop(ctx); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return nil
	}
	// runCtx ends at shutdown or when the adapter stops by itself; the
	// shutdown budget starts then. Work gets until the drain deadline, a
	// little before the end of the budget, to finish; the rest of the
	// budget acknowledges what finished.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	work, abandon := context.WithCancel(context.WithoutCancel(ctx))
	defer abandon()
	reserve := min(time.Second, a.cfg.ShutdownTimeout/5)
	go func() {
		<-runCtx.Done()
		t := time.NewTimer(a.cfg.ShutdownTimeout - reserve)
		defer t.Stop()
		select {
		case <-t.C:
			abandon()
		case <-work.Done():
		}
	}()
	// The command menus and the profile are registered alongside: a Bot
	// API that keeps failing must not hold up the updates.
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		a.setCommands(runCtx)
		a.setDescriptions(runCtx)
	}()

	var err error
	if a.cfg.Webhook != nil {
		err = a.serveWebhook(runCtx, work)
	} else {
		a.poll(runCtx, stop, work, reserve)
	}
	abandon()
	a.wg.Wait()
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

// GroupCommands are the commands in group chats' menus: asking, the
// three subjects and help. Private chats get every command.
var GroupCommands = []string{bot.CmdAsk, bot.CmdTips, bot.CmdCauses, bot.CmdDoctor, bot.CmdHelp}

// setCommands registers the command menus: every command for private
// chats, GroupCommands for groups.
func (a *Adapter) setCommands(ctx context.Context) {
	var private, group []tgbotapi.BotCommand
	for _, c := range bot.Commands() {
		private = append(private, tgbotapi.BotCommand{Command: c.Name, Description: c.Description})
	}
	for _, name := range GroupCommands {
		for _, c := range private {
			if c.Command == name {
				group = append(group, c)
			}
		}
	}
	for _, menu := range []struct {
		scope tgbotapi.BotCommandScope
		cmds  []tgbotapi.BotCommand
	}{
		{tgbotapi.NewBotCommandScopeAllPrivateChats(), private},
		{tgbotapi.NewBotCommandScopeAllGroupChats(), group},
	} {
		cfg := tgbotapi.NewSetMyCommands(menu.cmds...)
		cfg.Scope = &menu.scope
		if err := a.request(ctx, "setMyCommands", cfg); err != nil {
			a.log.Warn("setMyCommands failed; the command menu may be out of date", "scope", menu.scope.Type, "err", err)
		}
	}
}

// Telegram's limits on the bot's profile texts, in characters.
const (
	MaxDescription      = 512
	MaxShortDescription = 120
)

// setDescriptions registers the bot's profile texts from
// Config.Description. The library has no call for them, so they are made
// with explicit parameters. A failure is logged: the bot works without.
func (a *Adapter) setDescriptions(ctx context.Context) {
	if a.cfg.Description == "" {
		return
	}
	for _, d := range []struct{ method, field, text string }{
		{"setMyDescription", "description", Fit(a.cfg.Description, MaxDescription)},
		{"setMyShortDescription", "short_description", Fit(a.cfg.Description, MaxShortDescription)},
	} {
		err := a.do(ctx, outboundNone, d.method, func(api *tgbotapi.BotAPI) error {
			_, err := api.MakeRequest(d.method, tgbotapi.Params{d.field: d.text})
			return err
		})
		if err != nil && ctx.Err() == nil {
			a.log.Warn(d.method+" failed; the bot's profile may be out of date", "err", err)
		}
	}
}

// Fit shortens text (its spaces collapsed) to at most n characters: to
// whole sentences when they fill at least half of n, otherwise to the
// last clause (before a colon or semicolon, then a comma) or word that
// fits, followed by "…".
func Fit(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	runes := []rune(text)
	if len(runes) <= n {
		return text
	}
	half := n / 2
	last := func(marks string, limit int, sentence bool) int {
		for i := min(limit, len(runes)) - 1; i >= half; i-- {
			if strings.ContainsRune(marks, runes[i]) && (!sentence || i+1 == len(runes) || runes[i+1] == ' ') {
				return i
			}
		}
		return -1
	}
	if i := last(".!?", n, true); i >= 0 {
		return string(runes[:i+1])
	}
	for _, marks := range []string{":;", ",", " "} {
		if i := last(marks, n-1, false); i >= 0 {
			return strings.TrimRight(string(runes[:i]), " ,;:") + "…"
		}
	}
	return string(runes[:n-1]) + "…"
}

// request makes a call whose result is not a Message (setMyCommands,
// setWebhook, answerCallbackQuery), through the scheduler: it waits out
// a global pause and is retried like a reply. Errors are redacted.
func (a *Adapter) request(ctx context.Context, method string, c tgbotapi.Chattable) error {
	return a.do(ctx, outboundNone, method, func(api *tgbotapi.BotAPI) error {
		_, err := api.Request(c)
		return err
	})
}

// do makes one API call to d through the scheduler.
func (a *Adapter) do(ctx context.Context, d outbound.Dest, method string, f func(*tgbotapi.BotAPI) error) error {
	err := a.sched.Send(ctx, d, func(ctx context.Context) error {
		err := f(a.call(ctx))
		if err == nil {
			return nil
		}
		a.failed(method, err)
		err = a.classify(err)
		if !outbound.IsPermanent(err) {
			a.log.Debug("call failed, retrying", "method", method, "err", err)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// classify tells the scheduler what a failed call means: a 429 waits
// Telegram's retry_after; other 4xx are permanent; 5xx, network errors
// and malformed answers (an HTML error page) are transient. The error is
// redacted.
func (a *Adapter) classify(err error) error {
	red := a.redact(err)
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		switch {
		case te.Code == http.StatusTooManyRequests:
			return &outbound.RetryAfter{Wait: max(time.Duration(te.RetryAfter)*time.Second, time.Second), Err: red}
		case te.Code >= 400 && te.Code < 500:
			return outbound.Permanent(red)
		}
	}
	return red
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

// backoff is exponential with jitter in [d/2, d], for getMe and
// getUpdates after network errors and 5xx.
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

// chatKey routes an update to a worker: updates of one conversation (a
// chat, or a topic of a forum) are handled in order, one at a time.
// Changes of the bot's membership in a chat have a lane of their own, so
// that a block is seen at once, not after the chat's replies still
// being retried (which it drops).
func chatKey(u Update) string {
	if cm := u.MyChatMember; cm != nil {
		return "member:" + strconv.FormatInt(cm.Chat.ID, 10)
	}
	if c := u.FromChat(); c != nil {
		key := strconv.FormatInt(c.ID, 10)
		if u.Topic != 0 {
			key += "/" + strconv.Itoa(u.Topic)
		}
		return key
	}
	return "u" + strconv.Itoa(u.UpdateID)
}

// outboundNone is the destination of calls bound to no chat.
var outboundNone = outbound.Dest{}
