// Package bot is Backcare's conversation engine. It knows no platform:
// adapters (Telegram, Discord, the console) turn their platform's events
// into a Message, call Engine.Handle, and render the Reply it returns.
//
// Handle runs red-flag triage first, then declines (medicine questions),
// then the intent matcher, and applies per-user rate limits and per-chat
// context along the way.
package bot

import "time"

// Message is one incoming event from a user, in platform-neutral form.
type Message struct {
	// Platform names the adapter: "telegram", "discord", "console".
	Platform string
	// ChatID identifies the conversation (a private chat, a group, a channel).
	ChatID string
	// Thread identifies a thread within the chat, such as a Telegram forum
	// topic; "" for none. The engine keeps a separate context per thread.
	Thread string
	// UserID identifies the sender within the platform.
	UserID string
	// Text is what the user wrote, with any mention of the bot removed.
	Text string
	// Group is true in group chats and server channels.
	Group bool
	// Addressed is true when the message was meant for the bot: a private
	// chat, a mention, a reply to the bot, a command or a button.
	Addressed bool
	// Command is a command name without its slash ("start", "ask"), and
	// Arg whatever followed it.
	Command string
	Arg     string
	// Payload is the payload of a pressed button (see Button).
	Payload string
	// NonText is true for stickers, photos, voice notes and the like.
	NonText bool
	// Edited is true when the user edited an earlier message. The engine
	// reads it for danger signs only: it answers an edit that describes one
	// with the urgent reply, and stays silent otherwise.
	Edited bool
	// Time is when the platform received the message; zero means now.
	Time time.Time
}

// Commands the engine understands.
const (
	CmdStart  = "start"
	CmdHelp   = "help"
	CmdCauses = "causes"
	CmdTips   = "tips"
	CmdDoctor = "doctor"
	CmdAbout  = "about"
	CmdAsk    = "ask"
	// CmdHello is not a menu command: an adapter sends it when the bot
	// joins a group, and the engine answers with a short introduction
	// (the disclaimer, and how to ask in a group). Arg, if set, is how to
	// mention the bot there, such as "@backcare_bot".
	CmdHello = "hello"
)

// CommandInfo describes a command for platform menus (Telegram's
// setMyCommands, Discord's subcommands).
type CommandInfo struct {
	Name        string
	Description string
}

// Commands lists the commands in menu order.
func Commands() []CommandInfo {
	return []CommandInfo{
		{CmdAsk, "Ask a question about back spasms"},
		{CmdCauses, "What causes back spasms in pregnancy"},
		{CmdTips, "What can relieve back spasms"},
		{CmdDoctor, "When to call a midwife or doctor"},
		{CmdAbout, "Sources and disclaimer"},
		{CmdHelp, "What I can help with"},
		{CmdStart, "Start again"},
	}
}
