package discord

import (
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/backcare/backcare/bot"
)

// onInteraction answers an autocomplete at once, and queues a slash
// command or button press. The deferral timer starts now, on receipt, so
// a busy worker cannot make the bot miss Discord's three-second deadline.
func (a *Adapter) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	a.safely("interaction", func() {
		i := ic.Interaction
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			a.autocomplete(i)
			return
		}
		m, ephemeral, ok := a.fromInteraction(i)
		if !ok {
			return
		}
		r := &responder{a: a, i: i, ephemeral: ephemeral, deferred: make(chan struct{})}
		work := func() bot.Reply {
			reply := a.h.Handle(a.ctx, m)
			if reply.Kind == bot.KindAnswer && (i.GuildID != "" || i.Context == discordgo.InteractionContextPrivateChannel) {
				reply.Buttons = append(reply.Buttons, privately(reply.TopicID))
			}
			return reply
		}
		switch {
		case strings.HasPrefix(m.Payload, payloadPrivately):
			r.ephemeral = true
			work = func() bot.Reply { return a.sendPrivately(m, strings.TrimPrefix(m.Payload, payloadPrivately)) }
		case bot.IsFeedbackPayload(m.Payload) && i.Message != nil:
			r.update = true
		}
		r.timer = time.AfterFunc(a.cfg.DeferAfter, r.deferResponse)
		queued := a.pool.TryDispatch(i.ChannelID, func() {
			var reply bot.Reply
			ok := false
			a.safely("interaction", func() {
				reply = work()
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
// A press of a feedback button is answered by updating the message it is
// on (update).
type responder struct {
	a         *Adapter
	i         *discordgo.Interaction
	ephemeral bool
	update    bool
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
	resp := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: r.flags()},
	}
	if r.update {
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	err := r.a.s.InteractionRespond(r.i, resp)
	if err != nil {
		r.a.failed("interactionDefer", err)
		r.a.log.Warn("deferring an interaction failed", "err", Redact(err.Error(), r.a.cfg.Token))
	}
}

func (r *responder) respond(reply bot.Reply) {
	if r.update {
		r.updateMessage(reply)
		return
	}
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
	r.followUp(reply.Kind, rest, r.flags())
}

// followUp sends parts as follow-up messages.
func (r *responder) followUp(kind bot.Kind, parts []Part, flags discordgo.MessageFlags) {
	for _, p := range parts {
		err := retry(r.a.ctx, func() error {
			_, err := r.a.s.FollowupMessageCreate(r.i, true, &discordgo.WebhookParams{
				Content: p.Content, Components: p.Components, AllowedMentions: noMentions(), Flags: flags})
			return err
		})
		if err != nil {
			r.a.failed("followup", err)
			r.a.log.Error("follow-up not delivered", "kind", kind, "err", Redact(err.Error(), r.a.cfg.Token))
			return
		}
	}
}

// updateComponents is an UPDATE_MESSAGE interaction response that changes
// a message's components only. discordgo's InteractionResponseData always
// sends content, which would blank the message, so the response is made
// with this type and a raw request.
type updateComponents struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Components []discordgo.MessageComponent `json:"components"`
	} `json:"data"`
}

// updateMessage acknowledges a press of a feedback button on the message
// it is on: the 👍/👎 row becomes a disabled note of thanks (UPDATE_MESSAGE,
// or, after a deferral, an edit of the message). The rest of the reply
// (after 👎, the invitation to say what was missing) follows, visible to
// the member who pressed only; so does any other reply (an apology).
func (r *responder) updateMessage(reply bot.Reply) {
	r.timer.Stop()
	comps, changed := withoutVotes(r.i.Message.Components)
	changed = changed && reply.Kind == bot.KindFeedback
	r.mu.Lock()
	direct := r.state == pending
	if direct {
		r.state = answered
	}
	r.mu.Unlock()
	var err error
	switch {
	case direct && changed:
		body := updateComponents{Type: discordgo.InteractionResponseUpdateMessage}
		body.Data.Components = comps
		endpoint := discordgo.EndpointInteractionResponse(r.i.ID, r.i.Token)
		_, err = r.a.s.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint)
	case direct:
		err = r.a.s.InteractionRespond(r.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
	case changed:
		<-r.deferred
		_, err = r.a.s.InteractionResponseEdit(r.i, &discordgo.WebhookEdit{Components: &comps})
	default:
		<-r.deferred
	}
	if err != nil {
		r.a.failed("interactionUpdate", err)
		r.a.log.Error("acknowledging a button failed", "kind", reply.Kind, "err", Redact(err.Error(), r.a.cfg.Token))
		return
	}
	rest := reply
	if reply.Kind == bot.KindFeedback {
		rest.Blocks = reply.Blocks[min(1, len(reply.Blocks)):]
	}
	if len(rest.Blocks) == 0 || reply.Silent() {
		return
	}
	r.followUp(reply.Kind, Render(rest), discordgo.MessageFlagsEphemeral)
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
				if m.Group && reply.Kind == bot.KindAnswer {
					reply.Buttons = append(reply.Buttons, privately(reply.TopicID))
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

// payloadPrivately is the payload of the button that sends an answer to
// the member in a direct message: "dm:<topic>". The adapter answers it;
// the engine never sees it.
const payloadPrivately = "dm:"

// privately returns the button that sends topic's answer to the member
// who presses it, in a direct message.
func privately(topic string) bot.Button {
	return bot.Button{Label: "Send me this privately", Payload: payloadPrivately + topic}
}

// sendPrivately sends the answer on topic to the member in a direct
// message, and returns what to tell them where they pressed the button.
// The answer is the engine's, asked in the direct-message channel, so a
// follow-up there reads it as context.
func (a *Adapter) sendPrivately(m bot.Message, topic string) bot.Reply {
	say := func(text string) bot.Reply {
		return bot.Reply{Kind: bot.KindInfo, Blocks: []bot.Block{{Kind: bot.Paragraph, Text: text}}}
	}
	ch, err := a.s.UserChannelCreate(m.UserID)
	if err != nil {
		a.failed("createDM", err)
		a.log.Warn("could not open a direct message", "err", Redact(err.Error(), a.cfg.Token))
		return say("Sorry, I couldn't open a direct message with you. Please try again in a moment.")
	}
	reply := a.h.Handle(a.ctx, bot.Message{Platform: Platform, ChatID: ch.ID, UserID: m.UserID, Addressed: true,
		Payload: bot.TopicPayload(topic), Time: time.Now()})
	if reply.Silent() || reply.Kind != bot.KindAnswer {
		return say("Sorry, I couldn't find that answer any more. Ask me again, in your own words.")
	}
	for _, p := range Render(reply) {
		send := &discordgo.MessageSend{Content: p.Content, Components: p.Components, AllowedMentions: noMentions()}
		err := retry(a.ctx, func() error { _, err := a.s.ChannelMessageSendComplex(ch.ID, send); return err })
		if err != nil {
			a.failed("sendMessage", err)
			a.log.Info("a direct message was refused", "err", Redact(err.Error(), a.cfg.Token))
			return say("I couldn't send you a direct message: your settings may not allow messages from me. You can allow direct messages from this server's members, or ask me in a direct message yourself.")
		}
	}
	return say("I've sent the answer to you in a direct message.")
}

// maxSuggesting bounds the autocomplete answers in flight.
const maxSuggesting = 32

// maxChoices is Discord's limit on autocomplete choices.
const maxChoices = 25

// Suggester is a Handler that can suggest topic titles for what a member
// has typed so far, as *bot.Engine does.
type Suggester interface {
	Suggest(text string, limit int) []string
}

// autocomplete answers an autocomplete interaction (what a member has
// typed so far of /backcare ask's question) with matching topic titles,
// at once and off the gateway loop: Discord waits three seconds, and the
// member is typing. Titles come from the knowledge base only.
func (a *Adapter) autocomplete(i *discordgo.Interaction) {
	typed := ""
	data := i.ApplicationCommandData()
	for _, sub := range data.Options {
		for _, o := range sub.Options {
			if o.Focused && o.Type == discordgo.ApplicationCommandOptionString {
				typed, _ = o.Value.(string)
			}
		}
	}
	select {
	case a.suggesting <- struct{}{}:
	default:
		return // too many at once: this keystroke gets no suggestions
	}
	go func() {
		defer func() { <-a.suggesting }()
		a.safely("autocomplete", func() {
			var titles []string
			if sg, ok := a.h.(Suggester); ok {
				titles = sg.Suggest(typed, maxChoices)
			}
			choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(titles))
			for _, t := range titles {
				t = clipRunes(t, 100)
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: t, Value: t})
			}
			err := a.s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: choices},
			})
			if err != nil {
				a.failed("autocomplete", err)
				a.log.Debug("autocomplete answer failed", "err", Redact(err.Error(), a.cfg.Token))
			}
		})
	}()
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
