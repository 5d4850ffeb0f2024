package telegram_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/ops"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
	"github.com/backcare/backcare/knowledge"
)

const mention = "@" + telegramtest.BotUsername + " "

// recorded is an engine whose replies the test can read, and whose
// privacy-safe message log (ops.MessageLog) goes to log.
type recorded struct {
	*bot.Engine
	log     *logtest.Buffer
	mu      sync.Mutex
	replies []bot.Reply
}

func newRecorded(t *testing.T, opts bot.Options) *recorded {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := &recorded{log: &logtest.Buffer{}}
	msgLog := ops.MessageLog(slog.New(slog.NewJSONHandler(r.log, nil)), ops.NewHasher("salt"), false)
	opts.Limiter = bot.Unlimited{}
	opts.Observe = func(m bot.Message, rep bot.Reply, d time.Duration) {
		msgLog(m, rep, d)
		r.mu.Lock()
		r.replies = append(r.replies, rep)
		r.mu.Unlock()
	}
	r.Engine = bot.NewEngine(kb, match.Must(match.New(kb)), opts)
	return r
}

// feedback returns the feedback events recorded so far.
func (r *recorded) feedback() []bot.Feedback {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []bot.Feedback
	for _, rep := range r.replies {
		if rep.Feedback != nil {
			out = append(out, *rep.Feedback)
		}
	}
	return out
}

// waitOK waits until n messages to chat were delivered (the fake answered
// 200) and returns the delivered ones.
func (h *harness) waitOK(t *testing.T, chat int64, n int) []telegramtest.Call {
	t.Helper()
	ok := func() []telegramtest.Call {
		var out []telegramtest.Call
		for _, c := range h.sentTo(chat) {
			if c.OK() {
				out = append(out, c)
			}
		}
		return out
	}
	h.srv.WaitFor(10*time.Second, func() bool { return len(ok()) >= n })
	got := ok()
	if len(got) < n {
		t.Fatalf("chat %d: %d messages delivered, want %d (calls: %+v)", chat, len(got), n, h.sentTo(chat))
	}
	return got
}

// settle waits until every call made so far has been answered (its
// status recorded): a call is recorded when it arrives, its status once
// the answer is written.
func (h *harness) settle() {
	h.srv.WaitFor(5*time.Second, func() bool {
		for _, c := range h.srv.Calls("") {
			if c.Status == 0 {
				return false
			}
		}
		return true
	})
}

// waitLog waits until the adapter's log holds s.
func (h *harness) waitLog(s string) bool {
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.logs.String(), s) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// press pushes the press of the button with data under the bot's message,
// as the message is now, and returns the update id.
func (h *harness) press(t *testing.T, msg int, user int64, data string) int {
	t.Helper()
	u, ok := h.srv.Press(msg, user, data)
	if !ok {
		t.Fatalf("no button %q under message %d", data, msg)
	}
	return h.srv.PushUpdate(u)
}

// button returns the callback data of the first button under c whose
// label starts with prefix.
func button(t *testing.T, c telegramtest.Call, prefix string) string {
	t.Helper()
	for _, row := range keyboard(t, c).InlineKeyboard {
		for _, b := range row {
			if strings.HasPrefix(b.Text, prefix) && b.CallbackData != nil {
				return *b.CallbackData
			}
		}
	}
	t.Fatalf("no button %q in %s", prefix, c.Params["reply_markup"])
	return ""
}

func TestForumTopics(t *testing.T) {
	h := start(t, engine(t), nil)
	const chat = -1001300
	h.srv.Forum(chat, 7, 9)
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, 11, mention+"can i use a heating pad on my back"), 7))
	got := h.waitOK(t, chat, 1)
	if got[0].Params["message_thread_id"] != "7" || !strings.Contains(got[0].Params["text"], "Ice and heat packs") || got[0].Params["reply_to_message_id"] == "" {
		t.Fatalf("question in topic 7 answered with %v", got[0].Params)
	}

	// A button pressed under the answer: no message to reply to, and the
	// answer still lands in topic 7.
	h.press(t, got[0].MessageID(), 11, button(t, got[0], "Stretching"))
	got = h.waitOK(t, chat, 2)
	if got[1].Params["message_thread_id"] != "7" || !strings.Contains(got[1].Params["text"], "<b>Stretching") {
		t.Errorf("button answer: %v", got[1].Params)
	}

	// A follow-up in topic 9 is not read with topic 7's context; in topic
	// 7 it is.
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, 11, mention+"tell me more"), 9))
	got = h.waitOK(t, chat, 3)
	if got[2].Params["message_thread_id"] != "9" || !strings.Contains(got[2].Params["text"], "What would you like to know more about") {
		t.Errorf("tell me more in topic 9: %v", got[2].Params)
	}
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, 11, mention+"tell me more"), 7))
	got = h.waitOK(t, chat, 4)
	if got[3].Params["message_thread_id"] != "7" || !strings.Contains(got[3].Params["text"], "<b>") {
		t.Errorf("tell me more in topic 7: %v", got[3].Params)
	}

	// The General topic: no thread id, for the answer or for a button
	// pressed under it (the fake refuses the General topic's id).
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, 12, mention+"what helps back spasms"), 0))
	got = h.waitOK(t, chat, 5)
	if _, ok := got[4].Params["message_thread_id"]; ok || !got[4].OK() {
		t.Fatalf("General topic answered with %v (status %d)", got[4].Params, got[4].Status)
	}
	h.press(t, got[4].MessageID(), 12, button(t, got[4], "Ice and heat"))
	got = h.waitOK(t, chat, 6)
	if _, ok := got[5].Params["message_thread_id"]; ok || !got[5].OK() {
		t.Errorf("button in the General topic answered with %v (status %d)", got[5].Params, got[5].Status)
	}
	for _, c := range got {
		if !c.OK() {
			t.Errorf("refused: %v", c.Params)
		}
	}
}

func TestContinuePrivately(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.Push(telegramtest.Group(-1001400, 21, mention+"is tens safe"))
	got := h.waitOK(t, -1001400, 1)
	var link string
	for _, row := range keyboard(t, got[0]).InlineKeyboard {
		for _, b := range row {
			if b.Text == "Continue privately" && b.URL != nil {
				link = *b.URL
			}
		}
	}
	if link != "https://t.me/"+telegramtest.BotUsername+"?start=tens" {
		t.Fatalf("continue privately: %q in %s", link, got[0].Params["reply_markup"])
	}

	// The deep link starts the private chat with "/start tens".
	h.srv.Push(telegramtest.Private(21, "/start tens"))
	h.srv.Push(telegramtest.Private(22, "/start no-such-topic"))
	h.srv.Push(telegramtest.Private(23, "/start"))
	if got := h.waitOK(t, 21, 1); !strings.Contains(got[0].Params["text"], "<b>TENS") {
		t.Errorf("deep link: %s", got[0].Params["text"])
	}
	welcome := engine(t).Knowledge().Welcome
	for _, chat := range []int64{22, 23} {
		if got := h.waitOK(t, chat, 1); !strings.Contains(got[0].Params["text"], strings.Fields(welcome)[0]) {
			t.Errorf("chat %d: not the welcome: %s", chat, got[0].Params["text"])
		}
	}

	// Private answers need no such button.
	h.srv.Push(telegramtest.Private(24, "is tens safe"))
	if got := h.waitOK(t, 24, 1); strings.Contains(got[0].Params["reply_markup"], "Continue privately") {
		t.Errorf("a private answer offers to continue privately")
	}
}

func TestAddedToGroupSaysHelloOnce(t *testing.T) {
	h := start(t, engine(t), nil)
	const chat = -1001500
	h.srv.Forum(chat, 3)
	h.srv.AddToGroup(chat, 31)
	got := h.waitOK(t, chat, 1)
	text := got[0].Params["text"]
	for _, want := range []string{"/ask", "@" + telegramtest.BotUsername, "only read messages meant for me", "not medical advice"} {
		if !strings.Contains(text, want) {
			t.Errorf("hello lacks %q:\n%s", want, text)
		}
	}
	if _, ok := got[0].Params["message_thread_id"]; ok || !got[0].OK() {
		t.Errorf("hello: %v", got[0].Params)
	}
	h.srv.RemoveFromGroup(chat, 31)
	last := h.srv.AddToGroup(chat, 31)
	if !h.srv.WaitConfirmed(last, 5*time.Second) {
		t.Fatal("re-adding not processed")
	}
	h.settle()
	if n := len(h.sentTo(chat)); n != 1 {
		t.Errorf("re-added the same day: %d messages, want the one hello", n)
	}
	if allowed := h.srv.AllowedUpdates(); !slices.Contains(allowed, "my_chat_member") {
		t.Errorf("allowed_updates %v lacks my_chat_member", allowed)
	}
}

func TestBlockingStopsSends(t *testing.T) {
	eng := newRecorded(t, bot.Options{})
	h := start(t, eng, nil)
	const chat = 461738291
	// The reply is being retried (Telegram answering 502) when the member
	// blocks the bot.
	faults := make([]telegramtest.Fault, 1000)
	for i := range faults {
		faults[i] = telegramtest.Fault{Status: 502}
	}
	h.srv.FailChat(chat, faults...)
	id := h.srv.Push(telegramtest.Private(chat, "why does my lower back keep spasming"))
	h.waitSent(t, chat, 2)
	h.srv.Block(chat)
	if !h.srv.WaitConfirmed(id, 5*time.Second) {
		t.Fatal("the question's update was not settled after the block")
	}
	n := len(h.sentTo(chat))
	time.Sleep(300 * time.Millisecond) // several backoffs
	if m := len(h.sentTo(chat)); m != n {
		t.Errorf("still sending to a chat that blocked the bot: %d attempts, then %d", n, m)
	}

	// Unblocked later, the chat starts afresh: its context was forgotten.
	h.srv.ClearChat(chat)
	h.srv.Unblock(chat)
	h.srv.Push(telegramtest.Private(chat, "tell me more"))
	got := h.waitSent(t, chat, n+1)
	if !strings.Contains(got[n].Params["text"], "What would you like to know more about") {
		t.Errorf("after blocking, the context should be gone: %s", got[n].Params["text"])
	}
	if logs := h.logs.String(); !strings.Contains(logs, "blocked the bot") || strings.Contains(logs, strconv.Itoa(chat)) {
		t.Errorf("the block should be logged, without the chat id:\n%s", logs)
	}
}

func TestDescriptionsAndScopedCommands(t *testing.T) {
	welcome := engine(t).Knowledge().Welcome
	h := start(t, engine(t), func(c *telegram.Config) { c.Description = welcome })
	h.srv.WaitFor(5*time.Second, func() bool {
		_, short := h.srv.Description()
		return short != "" && len(h.srv.Commands("all_group_chats")) > 0
	})
	long, short := h.srv.Description()
	if long != welcome || short == "" || len([]rune(short)) > telegram.MaxShortDescription || !strings.HasPrefix(welcome, strings.TrimSuffix(short, "…")) {
		t.Errorf("description %q, short description %q", long, short)
	}
	var private, group []string
	for _, c := range h.srv.Commands("all_private_chats") {
		private = append(private, c.Command)
	}
	for _, c := range h.srv.Commands("all_group_chats") {
		group = append(group, c.Command)
	}
	if len(private) != len(bot.Commands()) || !slices.Equal(group, []string{"ask", "tips", "causes", "doctor", "help"}) {
		t.Errorf("private menu %v, group menu %v", private, group)
	}
}

func TestDescriptionFailureIsNotFatal(t *testing.T) {
	srv := telegramtest.NewServer(token)
	srv.FailFor("setMyDescription", time.Minute, telegramtest.Fault{Status: 400})
	srv.FailFor("setMyShortDescription", time.Minute, telegramtest.Fault{Status: 400})
	h := startOn(t, srv, engine(t), func(c *telegram.Config) { c.Description = "Hi! I'm Backcare." })
	h.srv.Push(telegramtest.Private(1700, "is tens safe"))
	h.waitOK(t, 1700, 1)
	if !h.waitLog("setMyDescription failed") || !h.waitLog("setMyShortDescription failed") {
		t.Errorf("failures not logged:\n%s", h.logs.String())
	}
}

// feedbackRow returns the labels of the keyboard row holding the vote
// buttons, or of the note left in its place.
func feedbackRow(kb tgbotapi.InlineKeyboardMarkup) []string {
	for _, row := range kb.InlineKeyboard {
		var labels []string
		for _, b := range row {
			labels = append(labels, b.Text)
		}
		if strings.HasPrefix(labels[0], "👍") || labels[0] == bot.FeedbackThanks {
			return labels
		}
	}
	return nil
}

func TestFeedbackPresses(t *testing.T) {
	eng := newRecorded(t, bot.Options{HelpContact: "@GroupMods"})
	h := start(t, eng, nil)
	const user = 555000111
	const chat = 738291645
	h.srv.Push(telegramtest.Private(chat, "is tens safe"))
	answer := h.waitOK(t, chat, 1)[0]
	if row := feedbackRow(keyboard(t, answer)); !slices.Equal(row, []string{"👍 Helpful", "👎 Not helpful"}) {
		t.Fatalf("feedback row %v in %s", row, answer.Params["reply_markup"])
	}
	up, down := button(t, answer, "👍"), button(t, answer, "👎")

	// A double tap: two presses of the answer's buttons, both sent
	// before the keyboard changed. The first counts; the second is
	// acknowledged and counts nothing.
	first, _ := h.srv.Press(answer.MessageID(), user, up)
	second, _ := h.srv.Press(answer.MessageID(), user, down)
	h.srv.PushUpdate(first)
	last := h.srv.PushUpdate(second)
	if !h.srv.WaitConfirmed(last, 5*time.Second) {
		t.Fatal("presses not processed")
	}
	h.settle()
	acks := h.srv.Delivered("answerCallbackQuery")
	if len(acks) != 2 || acks[0].Params["text"] != "Thanks for telling me." || acks[1].Params["text"] == "" {
		t.Errorf("callback answers: %+v", acks)
	}
	if edits := h.srv.Delivered("editMessageReplyMarkup"); len(edits) != 1 {
		t.Errorf("%d keyboard edits, want 1", len(edits))
	}
	_, _, _, kb, _ := h.srv.Message(answer.MessageID())
	if row := feedbackRow(kb); !slices.Equal(row, []string{bot.FeedbackThanks}) || len(kb.InlineKeyboard) != len(keyboard(t, answer).InlineKeyboard) {
		t.Errorf("keyboard after the press: %+v", kb.InlineKeyboard)
	}
	if n := len(h.sentTo(chat)); n != 1 {
		t.Errorf("👍 sent %d messages, want none but the answer", n)
	}
	if fb := eng.feedback(); len(fb) != 2 || fb[0] != (bot.Feedback{Topic: "tens", Vote: bot.VoteUp}) || !fb[1].Repeat {
		t.Errorf("feedback recorded: %+v", fb)
	}

	// The note left in place is a button too; pressing it does nothing.
	last = h.press(t, answer.MessageID(), user, bot.FeedbackDonePayload)
	h.srv.WaitConfirmed(last, 5*time.Second)
	h.settle()
	if n, acks := len(h.sentTo(chat)), h.srv.Delivered("answerCallbackQuery"); n != 1 || len(acks) != 3 || acks[2].Params["text"] != "" {
		t.Errorf("pressing the note: %d messages, callback answers %+v", n, acks)
	}

	for _, line := range strings.Split(strings.TrimSpace(eng.log.String()), "\n") {
		if strings.Contains(line, strconv.Itoa(user)) || strings.Contains(line, strconv.Itoa(chat)) {
			t.Errorf("log line with an id: %s", line)
		}
	}
	if !strings.Contains(eng.log.String(), `"feedback":"up"`) {
		t.Errorf("the message log does not show the vote:\n%s", eng.log.String())
	}
}

func TestThumbsDownInATopic(t *testing.T) {
	eng := newRecorded(t, bot.Options{HelpContact: "@GroupMods"})
	h := start(t, eng, nil)
	const chat = -1001900
	const user = 555000222
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, user, mention+"is tens safe"), 4))
	answer := h.waitOK(t, chat, 1)[0]
	h.press(t, answer.MessageID(), user, button(t, answer, "👎"))
	got := h.waitOK(t, chat, 2)
	h.settle()
	if got[1].Params["message_thread_id"] != "4" || !strings.Contains(got[1].Params["text"], "What were you looking for?") ||
		!strings.Contains(got[1].Params["reply_markup"], "https://t.me/GroupMods") {
		t.Errorf("after 👎: %v", got[1].Params)
	}
	if acks := h.srv.Delivered("answerCallbackQuery"); len(acks) != 1 || acks[0].Params["text"] != "Thanks for telling me." {
		t.Errorf("callback answers: %+v", acks)
	}
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(chat, user, mention+"i wanted to know about tens in labour"), 4))
	got = h.waitOK(t, chat, 3)
	if got[2].Params["message_thread_id"] != "4" {
		t.Errorf("the comment's answer: %v", got[2].Params)
	}
	fb := eng.feedback()
	if len(fb) != 2 || fb[0] != (bot.Feedback{Topic: "tens", Vote: bot.VoteDown}) || fb[1] != (bot.Feedback{Topic: "tens", Comment: true}) {
		t.Errorf("feedback recorded: %+v", fb)
	}
}

func TestUrgentReplyHasNoFeedbackButtons(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.PushUpdate(telegramtest.InTopic(telegramtest.Group(-1002000, 41, mention+"my waters broke and my back hurts"), 5))
	got := h.waitOK(t, -1002000, 1)
	if got[0].Params["reply_markup"] != "" || got[0].Params["message_thread_id"] != "5" {
		t.Errorf("urgent reply: %v", got[0].Params)
	}
}

// TestWebhookReadsTopics: a webhook body carries the topic fields too.
func TestWebhookReadsTopics(t *testing.T) {
	ln, addr := webhookListener(t)
	h := start(t, engine(t), func(c *telegram.Config) {
		c.Webhook = &telegram.Webhook{URL: "https://bot.example.org/telegram", Listener: ln, Path: "/telegram", Secret: "s3cret_value"}
	})
	calls := h.srv.WaitCalls("setWebhook", 1, webhookWait)
	if len(calls) != 1 || !strings.Contains(calls[0].Params["allowed_updates"], "my_chat_member") {
		t.Fatalf("setWebhook: %+v", calls)
	}
	h.srv.Forum(-1002100, 6)
	u := telegramtest.InTopic(telegramtest.Group(-1002100, 51, mention+"is swimming good for my back"), 6)
	u.UpdateID = 7001
	if code := postWebhook(t, addr, "s3cret_value", u); code != 200 {
		t.Fatalf("webhook: %d", code)
	}
	if got := h.waitOK(t, -1002100, 1); got[0].Params["message_thread_id"] != "6" {
		t.Errorf("webhook topic answer: %v", got[0].Params)
	}
}

// postWebhook posts u to the adapter's webhook as Telegram does and
// returns the status.
func postWebhook(t *testing.T, addr, secret string, u telegramtest.Update) int {
	t.Helper()
	body, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram", bytes.NewReader(body))
	req.Header.Set(telegram.SecretHeader, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
