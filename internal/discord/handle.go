package discord

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/backcare/backcare/bot"
)

// onInteraction queues a slash command or button press. The deferral
// timer starts now, on receipt, so a busy worker cannot make the bot miss
// Discord's three-second deadline.
func (a *Adapter) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	a.safely("interaction", func() {
		i := ic.Interaction
		m, ephemeral, ok := a.fromInteraction(i)
		if !ok {
			return
		}
		r := &responder{a: a, i: i, ephemeral: ephemeral, deferred: make(chan struct{})}
		r.timer = time.AfterFunc(a.cfg.DeferAfter, r.deferResponse)
		queued := a.pool.TryDispatch(i.ChannelID, func() {
			var reply bot.Reply
			ok := false
			a.safely("interaction", func() {
				reply = a.h.Handle(a.ctx, m)
				ok = true
			})
			if !ok {
				// Answer anyway: an interaction left unanswered shows
				// "the application did not respond" or spins forever.
				reply = bot.Reply{Kind: bot.KindInfo, Blocks: []bot.Block{{Kind: bot.Paragraph,
					Text: "Sorry, something went wrong with that question. Please try again, or ask it in other words."}}}
			}
			a.safely("interaction reply", func() { r.respond(reply) })
		})
		if !queued {
			// Shutting down, or this channel's queue is full: say so now
			// rather than block the gateway loop.
			a.log.Warn("worker queue full or closing; interaction answered with a busy note")
			go a.safely("interaction busy", func() {
				r.respond(bot.Reply{Kind: bot.KindInfo, Blocks: []bot.Block{{Kind: bot.Paragraph,
					Text: "I'm busy right now. Please ask again in a moment."}}})
			})
		}
	})
}

// fromInteraction converts a slash command or a button press.
func (a *Adapter) fromInteraction(i *discordgo.Interaction) (m bot.Message, ephemeral, ok bool) {
	m = bot.Message{Platform: Platform, ChatID: i.ChannelID, Group: i.GuildID != "", Addressed: true, Time: time.Now()}
	switch {
	case i.Member != nil && i.Member.User != nil:
		m.UserID = i.Member.User.ID
	case i.User != nil:
		m.UserID = i.User.ID
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		if data.Name != CommandName || len(data.Options) == 0 {
			return m, false, false
		}
		sub := data.Options[0]
		m.Command = sub.Name
		for _, o := range sub.Options {
			if o.Name == "question" && o.Type == discordgo.ApplicationCommandOptionString {
				m.Arg = o.StringValue()
			}
		}
		return m, a.cfg.Ephemeral && sub.Name == bot.CmdAsk, true
	case discordgo.InteractionMessageComponent:
		m.Payload = i.MessageComponentData().CustomID
		return m, a.cfg.Ephemeral, true
	}
	return m, false, false
}

// responder answers one interaction: directly if the answer is ready
// before DeferAfter, otherwise with a deferred response and follow-ups.
type responder struct {
	a         *Adapter
	i         *discordgo.Interaction
	ephemeral bool
	timer     *time.Timer

	mu       sync.Mutex
	state    int           // pending, answered or deferring
	deferred chan struct{} // closed once the deferred response was sent
}

const (
	pending = iota
	answered
	deferring
)

func (r *responder) flags() discordgo.MessageFlags {
	if r.ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (r *responder) deferResponse() {
	r.mu.Lock()
	if r.state != pending {
		r.mu.Unlock()
		return
	}
	r.state = deferring
	r.mu.Unlock()
	defer close(r.deferred)
	err := r.a.s.InteractionRespond(r.i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: r.flags()},
	})
	if err != nil {
		r.a.failed("interactionDefer", err)
		r.a.log.Warn("deferring an interaction failed", "err", Redact(err.Error(), r.a.cfg.Token))
	}
}

func (r *responder) respond(reply bot.Reply) {
	r.timer.Stop()
	parts := Render(reply)
	r.mu.Lock()
	direct := r.state == pending
	if direct {
		r.state = answered
	}
	r.mu.Unlock()

	rest := parts
	if direct {
		first := parts[0]
		err := r.a.s.InteractionRespond(r.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: first.Content, Components: first.Components,
				AllowedMentions: noMentions(), Flags: r.flags()},
		})
		if err != nil {
			r.a.failed("interactionRespond", err)
			r.a.log.Error("answering an interaction failed", "kind", reply.Kind, "err", Redact(err.Error(), r.a.cfg.Token))
			return
		}
		rest = parts[1:]
	} else {
		<-r.deferred
	}
	for _, p := range rest {
		err := retry(r.a.ctx, func() error {
			_, err := r.a.s.FollowupMessageCreate(r.i, true, &discordgo.WebhookParams{
				Content: p.Content, Components: p.Components, AllowedMentions: noMentions(), Flags: r.flags()})
			return err
		})
		if err != nil {
			r.a.failed("followup", err)
			r.a.log.Error("follow-up not delivered", "kind", reply.Kind, "err", Redact(err.Error(), r.a.cfg.Token))
			return
		}
	}
}

// onMessage answers direct messages and mentions, when the Message
// Content intent is on.
func (a *Adapter) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	a.safely("message", func() {
		m, ok := a.fromMessage(mc.Message)
		if !ok {
			return
		}
		queued := a.pool.TryDispatch(mc.ChannelID, func() {
			a.safely("message", func() {
				reply := a.h.Handle(a.ctx, m)
				if reply.Silent() {
					return
				}
				for i, p := range Render(reply) {
					send := &discordgo.MessageSend{Content: p.Content, Components: p.Components, AllowedMentions: noMentions()}
					if i == 0 && m.Group {
						send.Reference = &discordgo.MessageReference{MessageID: mc.ID, ChannelID: mc.ChannelID, GuildID: mc.GuildID}
					}
					err := retry(a.ctx, func() error { _, err := a.s.ChannelMessageSendComplex(mc.ChannelID, send); return err })
					if err != nil {
						a.failed("sendMessage", err)
						a.log.Error("reply not delivered", "kind", reply.Kind, "err", Redact(err.Error(), a.cfg.Token))
						return
					}
				}
			})
		})
		if !queued {
			a.log.Warn("worker queue full or closing; message dropped")
		}
	})
}

// fromMessage converts a message: DMs always, server messages only when
// they mention the bot (the mention is removed).
func (a *Adapter) fromMessage(msg *discordgo.Message) (bot.Message, bool) {
	botID, _ := a.botID.Load().(string)
	if !a.cfg.MessageContent || msg.Author == nil || msg.Author.Bot || msg.Author.ID == botID {
		return bot.Message{}, false
	}
	m := bot.Message{Platform: Platform, ChatID: msg.ChannelID, UserID: msg.Author.ID, Group: msg.GuildID != "", Time: msg.Timestamp}
	mentioned := false
	for _, u := range msg.Mentions {
		if u != nil && u.ID == botID {
			mentioned = true
		}
	}
	if m.Group && !mentioned {
		return m, false
	}
	m.Text = stripMentions(msg.Content)
	m.Addressed = true
	m.NonText = m.Text == "" && (len(msg.Attachments) > 0 || len(msg.StickerItems) > 0)
	if m.Text == "" && !m.NonText {
		m.Command = bot.CmdHelp // a bare mention
	}
	return m, true
}

// mentionMarkup matches user, role and channel mentions (<@id>, <@!id>,
// <@&id>, <#id>) and @everyone / @here: they address people, they are not
// part of the question.
var mentionMarkup = regexp.MustCompile(`<(@[!&]?|#)\d+>|@(everyone|here)\b`)

func stripMentions(s string) string {
	return strings.Join(strings.Fields(mentionMarkup.ReplaceAllString(s, " ")), " ")
}

// noMentions stops user text from pinging anyone (@everyone, roles, users).
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
