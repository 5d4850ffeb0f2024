// Command backcare is the Backcare chatbot: it answers questions about
// back spasms in pregnancy on the console, from the command line, and (with
// `serve`) on Telegram and Discord.
//
// This file is the only place where the parts are wired together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/backcare/backcare/knowledge"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `backcare answers questions about back spasms in pregnancy.

Usage:
  backcare chat [--kb PATH] [--region REGION]  talk to the bot on this terminal
  backcare ask [--json] [--kb PATH] [--region REGION] [QUESTION...]
                                               answer one question, or one per line of standard input
  backcare serve [flags]                       run the Telegram and Discord adapters (see serve --help)
  backcare explain [--kb PATH] [MESSAGE...]    show how the bot reads a message and why it answers as it does
  backcare kb validate [--strict] [PATH...]    check a knowledge base (default: the embedded one);
                                               --strict also fails on content never reviewed or overdue
  backcare kb export DIR                       write the built-in knowledge base into DIR, to edit
  backcare kb report [--since DATE] [--html FILE] LOG...
                                               per-topic answers, feedback, weekly trend and unanswered
                                               questions from --insights-log files, by knowledge-base version
  backcare kb gaps [--top N] [--since DATE] LOG...
                                               only the report's grouped unanswered questions
  backcare healthcheck [--addr HOST:PORT]      exit 0 if the operations listener says the bot is healthy
  backcare version                             print the version and the built-in knowledge base's version

Run "backcare COMMAND --help" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// printVersion prints the program's version and the embedded knowledge
// base's, the one `kb report` lists when the bot ran without --kb.
func printVersion(w io.Writer) {
	if kb, err := knowledge.Embedded(); err == nil {
		fmt.Fprintf(w, "backcare %s (knowledge base %s)\n", version, kb.Version)
		return
	}
	fmt.Fprintf(w, "backcare %s\n", version)
}

// exitError carries a process exit code.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// run executes one command and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "chat":
		err = cmdChat(ctx, args[1:], stdin, stdout, stderr)
	case "ask":
		err = cmdAsk(ctx, args[1:], stdin, stdout, stderr)
	case "kb":
		err = cmdKB(args[1:], stdin, stdout, stderr)
	case "explain":
		err = cmdExplain(ctx, args[1:], stdin, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "healthcheck":
		err = cmdHealthcheck(args[1:], stdout, stderr)
	case "version", "--version":
		printVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "backcare: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "backcare: %v\n", err)
		return 1
	}
}
