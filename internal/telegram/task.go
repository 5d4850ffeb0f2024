package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/outbound"
)

// task is one update being handled. ack is set before done is closed.
type task struct {
	u        Update
	heldWait time.Duration // how long to wait for another owner's lease
	done     chan struct{}
	ack      bool // the update is settled and may be acknowledged
}

// Outcomes of handling an update, as told to Config.OnSettled.
const (
	resultDelivered = "delivered" // replied (or nothing to reply)
	resultFailed    = "failed"    // Telegram refused the reply for good
	resultExpired   = "expired"   // still failing at the end of the retry window
	resultAbandoned = "abandoned" // unfinished at shutdown: left for the next process
	resultDuplicate = "duplicate" // already handled (here, or by another replica)
)

// submit starts handling u behind the chat's earlier updates, or returns
// the task already handling it here (a webhook retry joins it). If
// another owner holds u's lease, the task waits up to heldWait for it to
// lapse or be done.
func (a *Adapter) submit(work context.Context, u Update, heldWait time.Duration) *task {
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.tasks[u.UpdateID]; ok {
		return t
	}
	t := &task{u: u, heldWait: heldWait, done: make(chan struct{})}
	a.tasks[u.UpdateID] = t
	key := chatKey(u)
	q, running := a.chats[key]
	a.chats[key] = append(q, t)
	if !running {
		a.wg.Add(1)
		go a.runChat(work, key)
	}
	return t
}

// inFlight counts the updates being handled here.
func (a *Adapter) inFlight() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.tasks)
}

// runChat handles a chat's updates in order, each until it is settled,
// and ends when the chat has none left.
func (a *Adapter) runChat(work context.Context, key string) {
	defer a.wg.Done()
	for {
		a.mu.Lock()
		q := a.chats[key]
		if len(q) == 0 {
			delete(a.chats, key)
			a.mu.Unlock()
			return
		}
		t := q[0]
		q[0] = nil
		a.chats[key] = q[1:]
		a.mu.Unlock()

		t.ack = a.work(work, t)
		a.mu.Lock()
		delete(a.tasks, t.u.UpdateID)
		a.mu.Unlock()
		close(t.done)
		a.changed.Notify()
	}
}

// work takes the update's lease, handles it while renewing the lease,
// and marks it done once settled. It reports whether the update may be
// acknowledged: false when another owner is still handling it, or when
// it was abandoned at shutdown.
func (a *Adapter) work(ctx context.Context, t *task) bool {
	key := Platform + ":" + strconv.Itoa(t.u.UpdateID)
	switch a.acquire(ctx, key, t.heldWait) {
	case lease.Done:
		a.settled(resultDuplicate)
		a.log.Debug("update already handled", "update_id", t.u.UpdateID)
		return true
	case lease.Held:
		a.log.Debug("update being handled elsewhere", "update_id", t.u.UpdateID)
		return false
	}
	renewed := make(chan struct{})
	stopRenew := make(chan struct{})
	go func() {
		defer close(renewed)
		a.renew(key, stopRenew)
	}()
	result := a.handle(ctx, t.u)
	close(stopRenew)
	<-renewed

	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	a.settled(result)
	if result == resultAbandoned {
		if err := a.cfg.Leases.Release(bg, key, a.owner); err != nil {
			a.log.Debug("releasing a lease failed; it will lapse", "err", err)
		}
		return false
	}
	if err := a.cfg.Leases.Finish(bg, key, a.owner, a.cfg.DoneTTL); err != nil {
		a.log.Warn("recording a handled update failed; it may be answered again", "update_id", t.u.UpdateID, "err", err)
	}
	return true
}

// acquire takes key's lease. While another owner holds it, it asks again
// until wait has passed. A failing store is treated as acquired: an
// update is better answered twice than never.
func (a *Adapter) acquire(ctx context.Context, key string, wait time.Duration) lease.Status {
	deadline := time.Now().Add(wait)
	every := min(a.cfg.LeaseTTL/4, 500*time.Millisecond)
	for {
		st, err := a.cfg.Leases.Acquire(ctx, key, a.owner, a.cfg.LeaseTTL)
		if err != nil {
			if ctx.Err() != nil {
				return lease.Held
			}
			a.log.Warn("lease store failed; handling the update anyway", "err", err)
			return lease.Acquired
		}
		if st != lease.Held || time.Now().Add(every).After(deadline) {
			return st
		}
		if !sleep(ctx, every) {
			return lease.Held
		}
	}
}

// renew keeps key's lease alive until stop is closed.
func (a *Adapter) renew(key string, stop <-chan struct{}) {
	t := time.NewTicker(a.cfg.LeaseTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), a.cfg.LeaseTTL/3)
			ok, err := a.cfg.Leases.Renew(ctx, key, a.owner, a.cfg.LeaseTTL)
			cancel()
			if err == nil && !ok {
				a.log.Warn("lost the lease on an update being handled; another replica may answer it too")
				return
			}
		}
	}
}

func (a *Adapter) settled(result string) {
	if a.cfg.OnSettled != nil {
		a.cfg.OnSettled(result)
	}
}

// handle answers one update and reports how it was settled. A panic is
// recovered and logged without the message text, and the update counts
// as failed (handling it again would panic again).
func (a *Adapter) handle(ctx context.Context, u Update) (result string) {
	defer func() {
		if r := recover(); r != nil {
			a.log.Error("update handling panicked; skipped", "update_id", u.UpdateID, "panic", Redact(fmt.Sprint(r), a.cfg.Token))
			result = resultFailed
		}
	}()
	if u.MyChatMember != nil {
		return a.memberChanged(ctx, u.MyChatMember)
	}
	start := time.Now()
	m, to, ok := a.toMessage(u)
	// A press of a feedback button is acknowledged with the engine's
	// words, so its callback query is answered after the engine; any other
	// button's spinner is stopped first.
	inPlace := ok && u.CallbackQuery != nil && bot.IsFeedbackPayload(u.CallbackQuery.Data)
	if u.CallbackQuery != nil && !inPlace && !a.answerCallback(ctx, u, "") {
		return resultAbandoned
	}
	if !ok {
		return resultDelivered
	}
	select {
	case a.sem <- struct{}{}:
	case <-ctx.Done():
		return resultAbandoned
	}
	r := a.h.Handle(ctx, m)
	<-a.sem
	if inPlace {
		return a.acknowledge(ctx, u, to, r)
	}
	if r.Silent() {
		return resultDelivered
	}
	if m.Group && r.Kind == bot.KindAnswer {
		r.Buttons = append(r.Buttons, bot.Button{Label: "Continue privately", URL: a.deepLink(r.TopicID)})
	}
	result = a.send(ctx, u.UpdateID, to, r)
	if result == resultDelivered {
		a.log.Debug("replied", "update_id", u.UpdateID, "kind", r.Kind, "topic", r.TopicID, "latency", time.Since(start))
	}
	return result
}

// deepLink opens topic in a private chat with the bot: Telegram starts
// the chat with "/start <topic>".
func (a *Adapter) deepLink(topic string) string {
	return "https://t.me/" + a.api.Self.UserName + "?start=" + url.QueryEscape(topic)
}

// answerCallback answers u's callback query, with text as a brief notice
// if it is not empty. It reports false when the update must be left for
// later (the adapter is shutting down); any other failure is logged, and
// the reply goes on.
func (a *Adapter) answerCallback(ctx context.Context, u Update, text string) bool {
	// answerCallbackQuery returns True, not a Message, so it goes through
	// Request.
	err := a.request(ctx, "answerCallbackQuery", tgbotapi.NewCallback(u.CallbackQuery.ID, text))
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		a.log.Warn("answerCallbackQuery failed", "update_id", u.UpdateID, "err", err)
	}
	return true
}

// acknowledge answers a press of a feedback button in place: the callback
// query with the acknowledgement (the reply's first block), the message's
// keyboard edited to drop the 👍/👎 row for a note of thanks, and the
// rest of the reply (after 👎, the invitation to say what was missing)
// sent as a message in the same chat and topic.
func (a *Adapter) acknowledge(ctx context.Context, u Update, to target, r bot.Reply) string {
	cq := u.CallbackQuery
	text := ""
	if r.Kind == bot.KindFeedback && len(r.Blocks) > 0 {
		text = r.Blocks[0].Text
	}
	if !a.answerCallback(ctx, u, text) {
		return resultAbandoned
	}
	if kb, ok := withoutVotes(cq.Message.ReplyMarkup); ok {
		edit := tgbotapi.NewEditMessageReplyMarkup(to.chat, cq.Message.MessageID, kb)
		err := a.do(ctx, to.dest(), "editMessageReplyMarkup", func(api *tgbotapi.BotAPI) error {
			_, err := api.Request(edit)
			return err
		})
		switch {
		case err == nil:
		case ctx.Err() != nil:
			// The press was counted; handled again, it is a repeat.
			return resultAbandoned
		default:
			// Another press edited it first ("message is not modified"),
			// or the message is gone: the acknowledgement was given.
			a.log.Debug("the feedback buttons could not be replaced", "update_id", u.UpdateID, "err", err)
		}
	}
	if r.Kind != bot.KindFeedback || len(r.Blocks) < 2 {
		return resultDelivered
	}
	rest := r
	rest.Blocks = r.Blocks[1:]
	return a.send(ctx, u.UpdateID, to, rest)
}

// send renders r and sends it to `to`, part by part, and reports how the
// update was settled.
func (a *Adapter) send(ctx context.Context, updateID int, to target, r bot.Reply) string {
	for i, part := range Render(r) {
		// The library's MessageConfig has no message_thread_id: the call
		// is made with explicit parameters.
		params := tgbotapi.Params{"chat_id": strconv.FormatInt(to.chat, 10), "text": part.HTML,
			"parse_mode": tgbotapi.ModeHTML, "disable_web_page_preview": "true"}
		params.AddNonZero("message_thread_id", to.topic) // never for the General topic, whose id must be omitted
		if i == 0 && to.replyTo != 0 {
			params.AddNonZero("reply_to_message_id", to.replyTo)
			params.AddBool("allow_sending_without_reply", true)
		}
		if part.Keyboard != nil {
			if err := params.AddInterface("reply_markup", part.Keyboard); err != nil {
				a.log.Error("reply not sent: its keyboard cannot be encoded", "update_id", updateID, "err", err)
				return resultFailed
			}
		}
		err := a.do(ctx, to.dest(), "sendMessage", func(api *tgbotapi.BotAPI) error {
			_, err := api.MakeRequest("sendMessage", params)
			return err
		})
		switch {
		case err == nil:
		case errors.Is(err, outbound.ErrDropped):
			a.log.Info("reply dropped: the chat blocked the bot or removed it", "update_id", updateID, "kind", r.Kind)
			return resultFailed
		case ctx.Err() != nil && i == 0:
			// Nothing was sent: the update comes back after a restart.
			return resultAbandoned
		case ctx.Err() != nil:
			// Part of the reply was delivered; sending it all again
			// would repeat it.
			a.log.Warn("shutdown cut a reply short", "update_id", updateID, "kind", r.Kind)
			return resultFailed
		case errors.Is(err, outbound.ErrExpired):
			a.log.Error("reply expired: Telegram kept failing for the whole retry window", "update_id", updateID, "kind", r.Kind, "err", err)
			return resultExpired
		default:
			a.log.Error("reply not delivered: Telegram refused it", "update_id", updateID, "kind", r.Kind, "err", err)
			return resultFailed
		}
	}
	return resultDelivered
}
