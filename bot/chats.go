package bot

import "context"

// Joining groups and forgetting chats.

// hello introduces the bot to a group it was just added to: what it
// answers, how to ask it there (it reads only messages meant for it), and
// the disclaimer. mention is how to mention the bot, such as
// "@backcare_bot"; "" leaves mentions out.
func (e *Engine) hello(br *brain, mention string) Reply {
	how := "To ask me something here, type /ask and your question"
	if mention != "" {
		how += ", or mention me (" + mention + ") in your message"
	}
	how += ". I only read messages meant for me. For a private conversation, message me directly."
	return info(
		Block{Kind: Paragraph, Text: "Hello everyone! I'm Backcare. I answer questions about back spasms in pregnancy: what causes them, what helps, and when to call a midwife or doctor."},
		Block{Kind: Paragraph, Text: how},
		Block{Kind: Notice, Text: br.disclaimer},
	)
}

// Forget drops what the engine remembers of the conversation m belongs
// to (its chat, or its thread: Platform, ChatID and Thread are read), as
// when a member blocks the bot.
func (e *Engine) Forget(ctx context.Context, m Message) error {
	return e.contexts.Delete(ctx, conversationKey(m))
}
