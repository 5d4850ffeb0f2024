package telegram

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
)

// TestUpdateReadsTopicFields decodes updates as Telegram sends them
// (testdata/updates, one file per case) and checks the forum topic read.
func TestUpdateReadsTopicFields(t *testing.T) {
	tests := []struct {
		file  string
		topic int
		text  string
	}{
		{"topic-message.json", 7, "is tens safe"},
		{"general-topic.json", 0, "what helps"},
		{"reply-thread-not-topic.json", 0, "and heels?"},
		{"callback-in-topic.json", 9, ""},
		{"edited-in-topic.json", 3, "now I'm bleeding"},
		{"my-chat-member.json", 0, ""},
	}
	for _, tt := range tests {
		raw, err := os.ReadFile(filepath.Join("testdata", "updates", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		var u Update
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if u.Topic != tt.topic || u.UpdateID == 0 {
			t.Errorf("%s: topic %d (update %d), want %d", tt.file, u.Topic, u.UpdateID, tt.topic)
		}
		var text string
		switch {
		case u.Message != nil:
			text = u.Message.Text
		case u.EditedMessage != nil:
			text = u.EditedMessage.Text
		}
		if text != tt.text {
			t.Errorf("%s: the library's fields were lost: text %q", tt.file, text)
		}
	}
}

func TestFit(t *testing.T) {
	welcome := "Hi! I'm Backcare. I answer questions about back spasms and back pain in pregnancy: what causes them, what can relieve them, and when to call your midwife or doctor. Ask me in your own words, for example \"what helps back spasms?\" or \"why does my upper back hurt?\"."
	tests := []struct {
		text string
		n    int
		want string
	}{
		{welcome, 512, welcome},
		{welcome, 120, "Hi! I'm Backcare. I answer questions about back spasms and back pain in pregnancy…"},
		{welcome, 200, "Hi! I'm Backcare. I answer questions about back spasms and back pain in pregnancy: what causes them, what can relieve them, and when to call your midwife or doctor."},
		{"one two three four five six", 12, "one two…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"  spaced \n\n out  ", 120, "spaced out"},
	}
	for _, tt := range tests {
		got := Fit(tt.text, tt.n)
		if got != tt.want || len([]rune(got)) > tt.n {
			t.Errorf("Fit(%.20q…, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
		}
	}
}

func TestKeyboardRows(t *testing.T) {
	buttons := []bot.Button{
		{Label: "Rest", Payload: "topic:rest"},
		{Label: "Stretching", Payload: "topic:stretching"},
		{Label: "👍 Helpful", Payload: "fb:up:tens:abcdefgh", Row: bot.RowFeedback},
		{Label: "👎 Not helpful", Payload: "fb:down:tens:abcdefgh", Row: bot.RowFeedback},
		{Label: "Talk to a person", URL: "https://t.me/GroupMods"},
		{Label: "Unsendable", Payload: strings.Repeat("x", 65)},
	}
	kb := keyboard(buttons)
	var rows [][]string
	for _, row := range kb.InlineKeyboard {
		var labels []string
		for _, b := range row {
			labels = append(labels, b.Text)
		}
		rows = append(rows, labels)
	}
	want := [][]string{{"Rest"}, {"Stretching"}, {"👍 Helpful", "👎 Not helpful"}, {"Talk to a person"}}
	if len(rows) != len(want) {
		t.Fatalf("rows %v, want %v", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %v, want %v", i, rows[i], want[i])
		}
	}
	if link := kb.InlineKeyboard[3][0]; link.URL == nil || *link.URL != "https://t.me/GroupMods" || link.CallbackData != nil {
		t.Errorf("link button: %+v", link)
	}

	edited, ok := withoutVotes(kb)
	if !ok || len(edited.InlineKeyboard) != 4 || edited.InlineKeyboard[2][0].Text != bot.FeedbackThanks ||
		*edited.InlineKeyboard[2][0].CallbackData != bot.FeedbackDonePayload || len(edited.InlineKeyboard[2]) != 1 {
		t.Errorf("without votes: %+v", edited.InlineKeyboard)
	}
	if _, ok := withoutVotes(&edited); ok {
		t.Error("a keyboard without votes reported as changed")
	}
	if _, ok := withoutVotes(nil); ok {
		t.Error("no keyboard reported as changed")
	}
	var none *tgbotapi.InlineKeyboardMarkup
	if kb := keyboard(nil); kb != none {
		t.Errorf("no buttons: %+v", kb)
	}
}
