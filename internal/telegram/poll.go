package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/internal/lease"
)

// allowedUpdates are the update types Backcare asks for: my_chat_member
// tells it when it joins or leaves a group, and when a member blocks it.
var allowedUpdates = []string{"message", "edited_message", "channel_post", "callback_query", "my_chat_member"}

// repoll is how long polling waits, when Telegram sent nothing new
// (only updates still in flight here), before asking again, unless an
// update finishes first. While an update is held up (a chat waiting out a
// 429, an outage), Telegram answers every getUpdates at once with it, so
// this sets both how soon other chats' new messages are seen and how
// often getUpdates is called meanwhile (four times a second).
const repoll = 250 * time.Millisecond

// ledger tracks the updates fetched by polling and computes the offset:
// an update is confirmed to Telegram (getUpdates with a higher offset)
// only when it and every earlier one are settled. Updates settled above
// the lowest unsettled one are remembered, so that Telegram's resending
// them is skipped.
type ledger struct {
	pending map[int]*task // being handled
	retry   map[int]bool  // finished unacknowledged: must be fetched again
	done    map[int]bool  // settled, above the offset
	highest int           // highest update id seen
}

func newLedger() *ledger {
	return &ledger{pending: map[int]*task{}, retry: map[int]bool{}, done: map[int]bool{}}
}

// known reports whether id needs no new task.
func (l *ledger) known(id int) bool { return l.pending[id] != nil || l.done[id] }

func (l *ledger) add(t *task) {
	id := t.u.UpdateID
	l.pending[id] = t
	delete(l.retry, id)
	l.highest = max(l.highest, id)
}

// reap moves finished tasks out of pending.
func (l *ledger) reap() {
	for id, t := range l.pending {
		select {
		case <-t.done:
		default:
			continue
		}
		delete(l.pending, id)
		if t.ack {
			l.done[id] = true
		} else {
			l.retry[id] = true
		}
	}
}

// offset is the getUpdates offset that confirms every settled update
// below the lowest unsettled one; 0 (Telegram's default) before any.
func (l *ledger) offset() int {
	low := l.highest + 1
	for id := range l.pending {
		low = min(low, id)
	}
	for id := range l.retry {
		low = min(low, id)
	}
	for id := range l.done {
		if id < low {
			delete(l.done, id)
		}
	}
	if l.highest == 0 {
		return 0
	}
	return low
}

func (l *ledger) tasks() []*task {
	out := make([]*task, 0, len(l.pending))
	for _, t := range l.pending {
		out = append(out, t)
	}
	return out
}

// poll is the long-polling loop. It keeps fetching while updates are
// handled, up to MaxInFlight at once; see ledger for what is confirmed.
// When ctx ends it stops fetching, waits for the updates in flight (work
// is cancelled at the drain deadline, leaving the unfinished ones
// unsettled), confirms what was settled, and hands polling over.
func (a *Adapter) poll(ctx context.Context, stop context.CancelFunc, work context.Context, reserve time.Duration) {
	if err := a.request(ctx, "deleteWebhook", tgbotapi.DeleteWebhookConfig{}); err != nil && ctx.Err() == nil {
		a.log.Warn("deleteWebhook failed; polling may conflict with a webhook", "err", err)
	}
	l := newLedger()
	var lock *pollerLock
	if a.cfg.PollerLock != nil {
		lock = &pollerLock{a: a, store: a.cfg.PollerLock, key: Platform + ":poller:" + strconv.FormatInt(a.api.Self.ID, 10)}
	}
	a.healthy.Store(true) // until a getUpdates fails; a long poll may take PollTimeout to return
	var (
		failures, refusals int
		nothingNew         bool
		lastWarn           time.Time
		lastStatus         string
	)
	for ctx.Err() == nil {
		pollCtx := ctx
		if lock != nil {
			var ok bool
			if pollCtx, ok = lock.hold(ctx); !ok {
				break
			}
		}
		changed := a.changed.Changed()
		l.reap()
		if len(l.pending) >= a.cfg.MaxInFlight || nothingNew {
			wait := time.NewTimer(repoll)
			select {
			case <-changed:
			case <-wait.C:
			case <-pollCtx.Done():
			}
			wait.Stop()
			l.reap()
			if len(l.pending) >= a.cfg.MaxInFlight || pollCtx.Err() != nil {
				continue
			}
		}
		offset := l.offset()
		callCtx, cancel := context.WithTimeout(pollCtx, a.cfg.PollTimeout+15*time.Second)
		updates, err := a.getUpdates(callCtx, tgbotapi.UpdateConfig{
			Offset: offset, Timeout: int(a.cfg.PollTimeout / time.Second), AllowedUpdates: allowedUpdates,
		})
		cancel()
		if err != nil {
			if pollCtx.Err() != nil {
				continue
			}
			a.healthy.Store(false)
			a.failed("getUpdates", err)
			st := status(err)
			var te *tgbotapi.Error
			errors.As(err, &te)
			var d time.Duration
			switch {
			case te != nil && te.Code == http.StatusUnauthorized:
				msg := "Telegram refused the bot token (401 Unauthorized): it is wrong or was revoked. " +
					"The Telegram adapter has stopped; set a valid TELEGRAM_BOT_TOKEN (BotFather's /token) and restart."
				a.refused.Store(&msg)
				a.log.Error(msg)
				stop()
				continue
			case te != nil && te.Code == http.StatusTooManyRequests:
				d = max(time.Duration(te.RetryAfter)*time.Second, time.Second)
			case te != nil && te.Code >= 400 && te.Code < 500:
				// 409: another process polls this bot, or a webhook is
				// set. Back off instead of fighting over the updates.
				d = min(time.Second<<min(refusals, 10), a.cfg.Retry.Refused)
				refusals++
			default:
				d = a.backoff(failures)
				failures++
			}
			// One warning per kind of failure per minute; the rest at debug.
			msg, attrs := "getUpdates failed, retrying", []any{"err", a.redact(err), "in", d}
			if te != nil && te.Code == http.StatusConflict {
				msg = "getUpdates refused with 409 Conflict: another process is polling this bot (stop the old one before starting a new one), or a webhook is set; backing off"
			}
			if st != lastStatus || time.Since(lastWarn) > time.Minute {
				lastWarn, lastStatus = time.Now(), st
				a.log.Warn(msg, attrs...)
			} else {
				a.log.Debug(msg, attrs...)
			}
			sleep(pollCtx, d)
			continue
		}
		failures, refusals, lastStatus = 0, 0, ""
		a.healthy.Store(true)
		fresh := 0
		for _, u := range updates {
			if u.UpdateID < offset || l.known(u.UpdateID) {
				continue
			}
			l.add(a.submit(work, u, a.cfg.LeaseTTL))
			fresh++
		}
		// Telegram answers at once while updates above the offset are
		// unconfirmed; when none of them is new, wait before asking again.
		nothingNew = fresh == 0 && len(updates) > 0
	}

	// Shutdown: wait for the updates in flight, then confirm the settled.
	for _, t := range l.tasks() {
		<-t.done
	}
	l.reap()
	if off := l.offset(); off > 0 && (lock == nil || lock.held()) {
		ackCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), reserve)
		_, err := a.getUpdates(ackCtx, tgbotapi.UpdateConfig{Offset: off, Limit: 1})
		cancel()
		if err != nil {
			a.log.Warn("could not confirm the last updates to Telegram; they will be skipped or answered again after a restart", "err", a.redact(err))
		}
	}
	if n := len(l.retry); n > 0 {
		ids := make([]int, 0, n)
		for id := range l.retry {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		a.log.Info("updates left unacknowledged for the next process", "count", n, "first_update_id", ids[0])
	}
	if lock != nil {
		lock.release(context.WithoutCancel(ctx))
	}
}

// getUpdates calls getUpdates and decodes the updates into Update, with
// the forum-topic fields the library's GetUpdates would drop.
func (a *Adapter) getUpdates(ctx context.Context, c tgbotapi.UpdateConfig) ([]Update, error) {
	resp, err := a.call(ctx).Request(c)
	if err != nil {
		return nil, err
	}
	var updates []Update
	if err := json.Unmarshal(resp.Result, &updates); err != nil {
		return nil, fmt.Errorf("getUpdates: malformed result: %w", err)
	}
	return updates, nil
}

// pollerLock is a lease on polling, shared by replicas (see
// Config.PollerLock): one polls, the others wait and take over when it
// stops or dies.
type pollerLock struct {
	a       *Adapter
	store   lease.Store
	key     string
	ctx     context.Context // ends when the lease is lost
	cancel  context.CancelFunc
	waiting bool
	failing bool // the store did not answer last time
	lost    atomic.Bool
}

// hold returns a context that lasts while this process holds the lock,
// waiting for the lock first if needed; false when ctx ended. A store
// that fails is waited out: the lock is taken only when the store says
// it is free.
func (p *pollerLock) hold(ctx context.Context) (context.Context, bool) {
	if p.ctx != nil && p.ctx.Err() == nil {
		return p.ctx, true
	}
	a := p.a
	every := min(a.cfg.LeaseTTL/4, time.Second)
	for ctx.Err() == nil {
		st, err := p.store.Acquire(ctx, p.key, a.owner, a.cfg.LeaseTTL)
		switch {
		case err != nil:
			if !p.failing && ctx.Err() == nil {
				a.log.Warn("the polling lock's store is not answering; not polling until it does", "err", err)
			}
			p.failing = true
		case st == lease.Acquired:
			if p.waiting || p.failing {
				a.log.Info("took over polling")
			}
			p.waiting, p.failing = false, false
			p.lost.Store(false)
			p.ctx, p.cancel = context.WithCancel(ctx)
			go p.keep(p.ctx, p.cancel)
			return p.ctx, true
		default:
			if !p.waiting {
				a.log.Info("another replica is polling this bot; standing by to take over")
			}
			p.waiting, p.failing = true, false
		}
		sleep(ctx, every)
	}
	return nil, false
}

// keep renews the lock until ctx ends, and cancels it if the lock is
// lost, or when renewing has failed for so long that the lock may lapse
// before the next try: another replica may take it over then.
func (p *pollerLock) keep(ctx context.Context, cancel context.CancelFunc) {
	a := p.a
	every := a.cfg.LeaseTTL / 3
	t := time.NewTicker(every)
	defer t.Stop()
	renewed := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			rctx, rcancel := context.WithTimeout(ctx, every)
			ok, err := p.store.Renew(rctx, p.key, a.owner, a.cfg.LeaseTTL)
			rcancel()
			switch {
			case err == nil && ok:
				renewed = time.Now()
				continue
			case err == nil:
				a.log.Warn("lost the polling lock; stopping polling until it is free again")
			case ctx.Err() != nil:
				return
			case time.Since(renewed)+every < a.cfg.LeaseTTL:
				continue // there is time for another try
			default:
				a.log.Warn("cannot renew the polling lock; stopping polling before it lapses", "err", err)
			}
			p.lost.Store(true)
			cancel()
			return
		}
	}
}

// held reports whether this process held the lock last and did not lose it.
func (p *pollerLock) held() bool { return p.ctx != nil && !p.waiting && !p.lost.Load() }

// release hands polling over at once instead of letting the lock lapse.
func (p *pollerLock) release(ctx context.Context) {
	if p.cancel != nil {
		p.cancel()
	}
	rctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if err := p.store.Release(rctx, p.key, p.a.owner); err != nil {
		p.a.log.Debug("releasing the polling lock failed; it will lapse", "err", err)
	}
}
