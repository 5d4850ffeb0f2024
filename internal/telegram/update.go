package telegram

import (
	"encoding/json"
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Update is a Telegram update as the adapter reads it: the library's
// Update, and the forum-topic fields go-telegram-bot-api v5.5.1 predates
// and drops when decoding (message_thread_id, is_topic_message). The
// adapter decodes getUpdates results and webhook bodies into it.
type Update struct {
	tgbotapi.Update
	// Topic is the forum topic of the update's message, or of the message
	// under a pressed button: its message_thread_id when is_topic_message
	// is true. It is 0 outside forums and in a forum's General topic,
	// whose messages must be sent without a thread id. (A reply in an
	// ordinary supergroup also carries a message_thread_id, of its reply
	// thread, without is_topic_message: it is not a topic.)
	Topic int
}

// topicFields are the fields of a Message that the library lacks.
type topicFields struct {
	MessageThreadID int  `json:"message_thread_id"`
	IsTopicMessage  bool `json:"is_topic_message"`
}

func (f *topicFields) topic() int {
	if f == nil || !f.IsTopicMessage {
		return 0
	}
	return f.MessageThreadID
}

// UnmarshalJSON decodes an update with the library's types, then reads
// the topic fields from the same JSON.
func (u *Update) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &u.Update); err != nil {
		return err
	}
	var x struct {
		Message       *topicFields `json:"message"`
		EditedMessage *topicFields `json:"edited_message"`
		CallbackQuery *struct {
			Message *topicFields `json:"message"`
		} `json:"callback_query"`
	}
	if err := json.Unmarshal(b, &x); err != nil {
		return fmt.Errorf("update %d: topic fields: %w", u.UpdateID, err)
	}
	switch {
	case x.Message != nil:
		u.Topic = x.Message.topic()
	case x.EditedMessage != nil:
		u.Topic = x.EditedMessage.topic()
	case x.CallbackQuery != nil:
		u.Topic = x.CallbackQuery.Message.topic()
	}
	return nil
}
