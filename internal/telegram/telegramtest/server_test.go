package telegramtest_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/internal/telegram/telegramtest"
)

const token = "42:fake-test-token"

func client(t *testing.T) (*telegramtest.Server, *tgbotapi.BotAPI) {
	t.Helper()
	srv := telegramtest.NewServer(token)
	srv.SetLimits(telegramtest.Limits{})
	t.Cleanup(srv.Close)
	api, err := tgbotapi.NewBotAPIWithClient(token, srv.Endpoint(), http.DefaultClient)
	if err != nil {
		t.Fatal(err)
	}
	return srv, api
}

// code returns the error_code of a failed call, 200 for success.
func code(err error) int {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		return te.Code
	}
	if err != nil {
		return -1
	}
	return 200
}

func TestFakeEnforcesTheProtocol(t *testing.T) {
	srv, api := client(t)
	srv.Forum(-100, 7)
	kb := `{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}`
	send := func(extra tgbotapi.Params) (int, int) {
		p := tgbotapi.Params{"chat_id": "-100", "text": "hi"}
		for k, v := range extra {
			p[k] = v
		}
		resp, err := api.MakeRequest("sendMessage", p)
		if err != nil {
			return code(err), 0
		}
		var m tgbotapi.Message
		_ = json.Unmarshal(resp.Result, &m)
		return 200, m.MessageID
	}
	inTopic, id := send(tgbotapi.Params{"message_thread_id": "7", "reply_markup": kb})
	general, _ := send(tgbotapi.Params{"message_thread_id": "1"})
	missing, _ := send(tgbotapi.Params{"message_thread_id": "8"})
	plain, _ := send(nil)
	if inTopic != 200 || general != 400 || missing != 400 || plain != 200 {
		t.Errorf("topic 7: %d, General's id: %d, no such topic: %d, no thread: %d", inTopic, general, missing, plain)
	}
	if _, topic, _, _, ok := srv.Message(id); !ok || topic != 7 {
		t.Errorf("message %d recorded in topic %d", id, topic)
	}

	edit := func(msg int, markup string) int {
		_, err := api.MakeRequest("editMessageReplyMarkup", tgbotapi.Params{"chat_id": "-100", "message_id": strconv.Itoa(msg), "reply_markup": markup})
		return code(err)
	}
	other := `{"inline_keyboard":[[{"text":"B","callback_data":"b"}]]}`
	if got := []int{edit(id, kb), edit(id, other), edit(id, other), edit(99999, other)}; got[0] != 400 || got[1] != 200 || got[2] != 400 || got[3] != 400 {
		t.Errorf("edits (unchanged, changed, unchanged again, unknown message): %v", got)
	}
	if _, ok := srv.Press(id, 5, "a"); ok {
		t.Error("a press of a button no longer under the message")
	}
	u, ok := srv.Press(id, 5, "b")
	raw, _ := json.Marshal(u)
	if !ok || !strings.Contains(string(raw), `"message_thread_id":7`) || !strings.Contains(string(raw), `"is_topic_message":true`) {
		t.Errorf("press: %s", raw)
	}

	answer := func(id, text string) int {
		_, err := api.Request(tgbotapi.NewCallback(id, text))
		return code(err)
	}
	if got := []int{answer("q1", "ok"), answer("q1", ""), answer("q2", strings.Repeat("x", 201))}; got[0] != 200 || got[1] != 400 || got[2] != 400 {
		t.Errorf("callback answers (first, again, too long): %v", got)
	}

	cmds := func(list, scope string) int {
		_, err := api.MakeRequest("setMyCommands", tgbotapi.Params{"commands": list, "scope": scope})
		return code(err)
	}
	if got := []int{
		cmds(`[{"command":"ask","description":"Ask"}]`, `{"type":"all_group_chats"}`),
		cmds(`[{"command":"Ask!","description":"Ask"}]`, `{"type":"all_group_chats"}`),
		cmds(`[{"command":"ask","description":"Ask"}]`, `{"type":"everyone"}`),
	}; got[0] != 200 || got[1] != 400 || got[2] != 400 {
		t.Errorf("setMyCommands (valid, bad name, bad scope): %v", got)
	}
	if c := srv.Commands("all_group_chats"); len(c) != 1 || c[0].Command != "ask" {
		t.Errorf("group commands: %+v", c)
	}
	describe := func(method, field string, n int) int {
		_, err := api.MakeRequest(method, tgbotapi.Params{field: strings.Repeat("é", n)})
		return code(err)
	}
	if got := []int{describe("setMyDescription", "description", 512), describe("setMyDescription", "description", 513),
		describe("setMyShortDescription", "short_description", 120), describe("setMyShortDescription", "short_description", 121)}; got[0] != 200 || got[1] != 400 || got[2] != 200 || got[3] != 400 {
		t.Errorf("descriptions (512, 513, 120, 121 characters): %v", got)
	}

	srv.Block(200)
	if _, err := api.MakeRequest("sendMessage", tgbotapi.Params{"chat_id": "200", "text": "hi"}); code(err) != 403 {
		t.Errorf("message to a chat that blocked the bot: %v", err)
	}
}

func TestFakeDeliversOnlyAllowedUpdates(t *testing.T) {
	srv, api := client(t)
	srv.AddToGroup(-300, 5)
	srv.Push(telegramtest.Private(6, "hi"))
	updates := func(allowed []string) int {
		cfg := tgbotapi.UpdateConfig{AllowedUpdates: allowed}
		resp, err := api.Request(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var us []json.RawMessage
		_ = json.Unmarshal(resp.Result, &us)
		return len(us)
	}
	if n := updates([]string{"message"}); n != 1 {
		t.Errorf("allowed message only: %d updates", n)
	}
	if n := updates([]string{"message", "my_chat_member"}); n != 2 {
		t.Errorf("allowed my_chat_member too: %d updates", n)
	}
}
