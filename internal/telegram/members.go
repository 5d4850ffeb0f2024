package telegram

import (
	"context"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
)

// Forgetter is a Handler that keeps state per conversation, as
// *bot.Engine does: Forget drops it when a member blocks the bot.
type Forgetter interface {
	Forget(ctx context.Context, m bot.Message) error
}

// helloQuiet is how long after a hello the bot stays quiet when it is
// added to the same group again.
const helloQuiet = 24 * time.Hour

// memberChanged handles a change of the bot's own membership in a chat
// (a my_chat_member update): added to a group, it says hello; blocked in a
// private chat, it forgets the chat and drops what it was still sending
// there; removed from a group, it drops what it was sending there.
func (a *Adapter) memberChanged(ctx context.Context, cm *tgbotapi.ChatMemberUpdated) string {
	chat := cm.Chat
	was, is := present(cm.OldChatMember), present(cm.NewChatMember)
	switch {
	case chat.IsPrivate() && cm.NewChatMember.Status == "kicked":
		a.chatGone(ctx, chat.ID, true)
	case chat.IsPrivate():
		// Unblocked, or a new chat: the next message starts afresh.
	case !chat.IsGroup() && !chat.IsSuperGroup():
		// Channels: Backcare does not post in them.
	case !was && is:
		return a.hello(ctx, chat.ID)
	case was && !is:
		a.chatGone(ctx, chat.ID, false)
	}
	return resultDelivered
}

// present reports whether a membership lets the bot read and post.
func present(m tgbotapi.ChatMember) bool {
	switch m.Status {
	case "creator", "administrator", "member":
		return true
	case "restricted":
		return m.IsMember
	}
	return false
}

// chatGone stops sending to a chat that blocked the bot (private) or
// removed it (a group), and forgets a private chat's context.
func (a *Adapter) chatGone(ctx context.Context, chat int64, private bool) {
	id := strconv.FormatInt(chat, 10)
	dropped := a.sched.Drop(id)
	if !private {
		a.log.Info("removed from a group; its pending replies dropped", "dropped", dropped)
		return
	}
	if f, ok := a.h.(Forgetter); ok {
		if err := f.Forget(ctx, bot.Message{Platform: Platform, ChatID: id}); err != nil {
			a.log.Warn("a member blocked the bot, and their chat's context could not be forgotten; it expires by itself", "err", err)
		}
	}
	a.log.Info("a member blocked the bot: their chat's context forgotten, its pending replies dropped", "dropped", dropped)
}

// hello introduces the bot to a group it was added to, through the
// group's sending limits, once: re-added within helloQuiet, it says
// nothing. The lease store remembers the hello, so replicas sharing it
// say it once between them.
func (a *Adapter) hello(ctx context.Context, chat int64) string {
	id := strconv.FormatInt(chat, 10)
	key := Platform + ":hello:" + id
	switch a.acquire(ctx, key, 0) {
	case lease.Done:
		a.log.Info("added to a group again within a day; no second hello")
		return resultDelivered
	case lease.Held:
		if ctx.Err() != nil {
			return resultAbandoned
		}
		return resultDelivered // another replica is saying it
	}
	r := a.h.Handle(ctx, bot.Message{Platform: Platform, ChatID: id, Group: true, Addressed: true,
		Command: bot.CmdHello, Arg: "@" + a.api.Self.UserName, Time: time.Now()})
	result := resultDelivered
	if !r.Silent() {
		// The hello goes to the General topic of a forum: no thread id.
		result = a.send(ctx, 0, target{chat: chat, group: true}, r)
	}
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if result == resultDelivered {
		a.log.Info("added to a group; said hello")
		if err := a.cfg.Leases.Finish(bg, key, a.owner, helloQuiet); err != nil {
			a.log.Warn("could not record the hello; it may be said again", "err", err)
		}
	} else if err := a.cfg.Leases.Release(bg, key, a.owner); err != nil {
		a.log.Debug("releasing the hello lease failed; it will lapse", "err", err)
	}
	return result
}
