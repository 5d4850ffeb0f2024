// Package console is the terminal adapter: it reads questions line by line
// and prints the engine's replies as plain text, with buttons shown as
// numbered choices that the user can type (the 👍 and 👎 under an answer
// among them; a link button prints its address).
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/backcare/backcare/bot"
)

// Handler answers messages; *bot.Engine is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) bot.Reply
}

// Session is one console conversation.
type Session struct {
	Handler Handler
	In      io.Reader
	Out     io.Writer
	// Prompt is printed before each line is read; empty for none.
	Prompt string
}

// Run reads until end of input, "quit" or "exit", or ctx is done.
func (s *Session) Run(ctx context.Context) error {
	sc := bufio.NewScanner(s.In)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var buttons []bot.Button
	s.print(s.Handler.Handle(ctx, bot.Message{Platform: "console", ChatID: "console", UserID: "console", Addressed: true, Command: bot.CmdStart}), &buttons)
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if s.Prompt != "" {
			fmt.Fprint(s.Out, s.Prompt)
		}
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return fmt.Errorf("read input: %w", err)
			}
			fmt.Fprintln(s.Out)
			return nil
		}
		line := strings.TrimSpace(sc.Text())
		switch strings.ToLower(line) {
		case "":
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(buttons) && buttons[n-1].URL != "" {
			fmt.Fprintf(s.Out, "\nOpen %s\n\n", buttons[n-1].URL) // a link: nothing to ask the engine
			continue
		}
		m := Parse(line, buttons)
		s.print(s.Handler.Handle(ctx, m), &buttons)
	}
}

// Parse turns a typed line into a message: a number picks one of the
// buttons last shown, "/cmd arg" is a command, anything else is a question.
func Parse(line string, buttons []bot.Button) bot.Message {
	m := bot.Message{Platform: "console", ChatID: "console", UserID: "console", Addressed: true}
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(buttons) {
		m.Payload = buttons[n-1].Payload
		return m
	}
	if strings.HasPrefix(line, "/") {
		cmd, arg, _ := strings.Cut(line[1:], " ")
		m.Command, m.Arg = strings.ToLower(cmd), strings.TrimSpace(arg)
		return m
	}
	m.Text = line
	return m
}

func (s *Session) print(r bot.Reply, buttons *[]bot.Button) {
	if r.Silent() {
		return
	}
	fmt.Fprintf(s.Out, "\n%s\n", r.PlainText())
	if len(r.Buttons) > 0 {
		fmt.Fprintln(s.Out, "\n(type a number to choose)")
	}
	fmt.Fprintln(s.Out)
	*buttons = r.Buttons
}
