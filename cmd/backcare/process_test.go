package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/redis/redistest"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
)

// TestMain lets the test binary run as `backcare` itself: the fault tests
// start it as a child process (BACKCARE_TEST_CHILD=1) to kill it with
// SIGKILL or stop it with SIGTERM, while the fake Bot API and Redis live
// on in the test process.
func TestMain(m *testing.M) {
	if os.Getenv("BACKCARE_TEST_CHILD") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// scaled are Telegram's limits scaled down 20 times, for the fake and the
// bot processes alike.
var scaled = telegramtest.Limits{
	Chat:   telegramtest.Window{N: 1, Per: 50 * time.Millisecond},
	Group:  telegramtest.Window{N: 20, Per: 3 * time.Second},
	Global: telegramtest.Window{N: 30, Per: 50 * time.Millisecond},
}

const budget = 2 * time.Second // the children's --shutdown-timeout

// child is a `backcare serve` process.
type child struct {
	cmd  *exec.Cmd
	logs *logtest.Buffer
	done chan struct{}
}

// startChild runs `backcare serve` against api, in webhook mode when
// listen is set, with Redis when redisURL is set.
func startChild(t *testing.T, api *telegramtest.Server, listen, redisURL string, extra ...string) *child {
	t.Helper()
	args := []string{"serve", "--http-addr", "", "--shutdown-timeout", budget.String(), "--lease-ttl", "1s",
		"--retry-window", "30s", "--rate-burst", "100",
		"--telegram-chat-limit", fmt.Sprintf("%d/%v", scaled.Chat.N, scaled.Chat.Per),
		"--telegram-group-limit", fmt.Sprintf("%d/%v", scaled.Group.N, scaled.Group.Per),
		"--telegram-global-limit", fmt.Sprintf("%d/%v", scaled.Global.N, scaled.Global.Per)}
	if listen != "" {
		args = append(args, "--telegram-webhook-url", "https://bot.example.org/tg", "--telegram-webhook-listen", listen,
			"--telegram-webhook-path", "/tg")
	}
	args = append(args, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BACKCARE_TEST_CHILD=1", "TELEGRAM_BOT_TOKEN="+testToken,
		"TELEGRAM_API_ENDPOINT="+api.Endpoint(), "BACKCARE_REDIS_URL="+redisURL, "DISCORD_BOT_TOKEN=",
		"BACKCARE_TELEGRAM_WEBHOOK_SECRET=hook_secret", "BACKCARE_LOG_LEVEL=debug",
		// The race detector sleeps a second before a process exits, which
		// would count against the shutdown budget.
		"GORACE=atexit_sleep_ms=0")
	c := &child{cmd: cmd, logs: &logtest.Buffer{}, done: make(chan struct{})}
	cmd.Stderr = c.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = cmd.Wait(); close(c.done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-c.done
		if strings.Contains(c.logs.String(), testToken) {
			t.Error("the bot token appears in a child's logs")
		}
	})
	return c
}

// term stops the child with SIGTERM and returns how long it took to exit.
func (c *child) term(t *testing.T) time.Duration {
	t.Helper()
	began := time.Now()
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(4 * budget):
		t.Fatalf("no exit %v after SIGTERM\n%s", 4*budget, c.logs.String())
	}
	if code := c.cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d after SIGTERM", code)
	}
	return time.Since(began)
}

func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	<-c.done
}

// question is one update of a load.
type question struct {
	chat int64
	text string
}

// load is a set of questions, five per chat, each answer recognisable by
// its heading.
type load struct {
	qs   []question
	want map[string]int // "chat/heading" -> times asked
}

var loadQuestions = []struct{ q, heading string }{
	{"what helps back spasms", "What helps back spasms"},
	{"is tens safe", "TENS"},
	{"can i wear heels", "Shoes and high heels"},
	{"what causes back spasms", "What causes back spasms"},
	{"is swimming good for my back", "Exercise"},
}

func newLoad(chats int, base int64) *load {
	l := &load{want: map[string]int{}}
	for i := range loadQuestions {
		for c := int64(0); c < int64(chats); c++ {
			q := loadQuestions[(int(c)+i)%len(loadQuestions)]
			l.qs = append(l.qs, question{base + c, q.q})
			l.want[fmt.Sprintf("%d/%s", base+c, q.heading)]++
		}
	}
	return l
}

// push queues the load's updates on the fake, for polling.
func (l *load) push(api *telegramtest.Server) {
	for _, q := range l.qs {
		api.Push(telegramtest.Private(q.chat, q.text))
	}
}

// tally counts the delivered answers per "chat/heading".
func (l *load) tally(api *telegramtest.Server) map[string]int {
	got := map[string]int{}
	for _, c := range api.Delivered("sendMessage") {
		for _, q := range loadQuestions {
			if strings.Contains(c.Params["text"], "<b>"+q.heading) {
				got[c.Params["chat_id"]+"/"+q.heading]++
			}
		}
	}
	return got
}

func (l *load) answered(api *telegramtest.Server) int {
	got, n := l.tally(api), 0
	for k, want := range l.want {
		n += min(got[k], want)
	}
	return n
}

// check reports missing answers as errors and returns the duplicates.
func (l *load) check(t *testing.T, api *telegramtest.Server) (duplicates int) {
	t.Helper()
	got := l.tally(api)
	for k, n := range l.want {
		switch {
		case got[k] < n:
			t.Errorf("%s: answered %d times, asked %d", k, got[k], n)
		case got[k] > n:
			duplicates += got[k] - n
		}
	}
	return duplicates
}

// waitAnswered waits until n of the load's questions are answered.
func (l *load) waitAnswered(api *telegramtest.Server, n int, timeout time.Duration) bool {
	return api.WaitFor(timeout, func() bool { return l.answered(api) >= n })
}

// webhookSender plays Telegram in webhook mode: each chat's updates are
// posted in order, each again until it is answered 200, to whichever
// replica address is current.
type webhookSender struct {
	url     atomic.Pointer[string]
	wg      sync.WaitGroup
	retries atomic.Int64
}

func (w *webhookSender) setURL(addr string) {
	u := "http://" + addr + "/tg"
	w.url.Store(&u)
}

func (w *webhookSender) send(l *load, firstID int) {
	byChat := map[int64][]int{} // chat -> update ids, in order
	var chats []int64
	for i, q := range l.qs {
		if byChat[q.chat] == nil {
			chats = append(chats, q.chat)
		}
		byChat[q.chat] = append(byChat[q.chat], i)
	}
	for _, chat := range chats {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for _, i := range byChat[chat] {
				up := telegramtest.Private(l.qs[i].chat, l.qs[i].text)
				up.UpdateID = firstID + i
				body, _ := json.Marshal(up)
				for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
					req, _ := http.NewRequest(http.MethodPost, *w.url.Load(), bytes.NewReader(body))
					req.Header.Set(telegram.SecretHeader, "hook_secret")
					resp, err := http.DefaultClient.Do(req)
					if err == nil {
						resp.Body.Close()
						if resp.StatusCode == http.StatusOK {
							break
						}
					}
					w.retries.Add(1)
					time.Sleep(100 * time.Millisecond)
				}
			}
		}()
	}
}

// freeListen returns a free loopback address.
func freeListen(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// freezeSends makes sendMessage hang, so that sends in flight when a
// process is killed are never delivered, and waits until the replies
// already accepted have been recorded as done.
func freezeSends(api *telegramtest.Server) {
	api.Delay("sendMessage", time.Hour)
	n := len(api.Calls("sendMessage"))
	api.WaitFor(time.Second, func() bool { return len(api.Calls("sendMessage")) > n })
	time.Sleep(200 * time.Millisecond)
}

func TestKillMidLoad(t *testing.T) {
	for _, tt := range []struct {
		name    string
		webhook bool
		redis   bool
	}{
		{"polling with Redis", false, true},
		{"polling in memory", false, false},
		{"webhook with Redis", true, true},
		{"webhook in memory", true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			api := telegramtest.NewServer(testToken)
			defer api.Close()
			api.SetLimits(scaled)
			redisURL := ""
			if tt.redis {
				redisURL = redistest.Start(t).URL()
			}
			l := newLoad(20, 100_000)
			listen := ""
			sender := &webhookSender{}
			if tt.webhook {
				listen = freeListen(t)
				sender.setURL(listen)
			}
			first := startChild(t, api, listen, redisURL)
			if tt.webhook {
				api.WaitCalls("setWebhook", 1, 10*time.Second)
				sender.send(l, 1)
			} else {
				l.push(api)
			}
			if !l.waitAnswered(api, 30, 20*time.Second) {
				t.Fatalf("only %d answered before the kill\n%s", l.answered(api), first.logs.String())
			}
			freezeSends(api)
			before := l.answered(api)
			first.kill()
			api.Delay("sendMessage", 0)
			if tt.webhook {
				listen = freeListen(t)
				sender.setURL(listen)
			}
			restarted := time.Now()
			second := startChild(t, api, listen, redisURL)
			if !l.waitAnswered(api, len(l.qs), 30*time.Second) {
				t.Errorf("%d of %d answered after the restart\n%s", l.answered(api), len(l.qs), second.logs.String())
			}
			took := time.Since(restarted)
			sender.wg.Wait()
			time.Sleep(300 * time.Millisecond) // any duplicate would show now
			dups := l.check(t, api)
			t.Logf("SIGKILL after %d of %d answered: all %d answered %v after the restart, %d answered twice, %d webhook redeliveries",
				before, len(l.qs), l.answered(api), took.Round(time.Millisecond), dups, sender.retries.Load())
			if tt.redis && dups > 0 {
				t.Errorf("%d answered twice with Redis", dups)
			}
			if d := second.term(t); d > budget+time.Second {
				t.Errorf("exit %v after SIGTERM, budget %v", d, budget)
			}
		})
	}
}

func TestTermWithSlowSends(t *testing.T) {
	for _, webhook := range []bool{false, true} {
		name := map[bool]string{false: "polling", true: "webhook"}[webhook]
		t.Run(name, func(t *testing.T) {
			api := telegramtest.NewServer(testToken)
			defer api.Close()
			api.SetLimits(scaled)
			api.Delay("sendMessage", 400*time.Millisecond)
			l := newLoad(10, 200_000)
			listen := ""
			sender := &webhookSender{}
			if webhook {
				listen = freeListen(t)
				sender.setURL(listen)
			}
			first := startChild(t, api, listen, "")
			if webhook {
				api.WaitCalls("setWebhook", 1, 10*time.Second)
				sender.send(l, 1)
			} else {
				l.push(api)
			}
			l.waitAnswered(api, 10, 20*time.Second)
			took := first.term(t)
			before := l.answered(api)
			if took > budget+500*time.Millisecond {
				t.Errorf("exit %v after SIGTERM, budget %v\n%s", took, budget, first.logs.String())
			}
			api.Delay("sendMessage", 0)
			if webhook {
				listen = freeListen(t)
				sender.setURL(listen)
			}
			second := startChild(t, api, listen, "")
			if !l.waitAnswered(api, len(l.qs), 30*time.Second) {
				t.Errorf("%d of %d answered after the restart\n%s", l.answered(api), len(l.qs), second.logs.String())
			}
			sender.wg.Wait()
			dups := l.check(t, api)
			t.Logf("SIGTERM with 400 ms sends: exit after %v (budget %v), %d of %d answered before; after a restart all answered, %d twice",
				took.Round(time.Millisecond), budget, before, len(l.qs), dups)
			second.term(t)
		})
	}
}

func TestRollingDeployWithRedis(t *testing.T) {
	api := telegramtest.NewServer(testToken)
	defer api.Close()
	api.SetLimits(scaled)
	redisURL := redistest.Start(t).URL()
	l := newLoad(20, 300_000)
	old := startChild(t, api, "", redisURL)
	api.WaitFor(10*time.Second, func() bool { return api.Polls() > 0 })
	overlap := 4 * time.Second
	replacement := startChild(t, api, "", redisURL) // both run: the new one stands by
	began := time.Now()
	for i, q := range l.qs { // questions keep coming during the overlap
		api.Push(telegramtest.Private(q.chat, q.text))
		time.Sleep(time.Duration(int(overlap) / len(l.qs)))
		_ = i
	}
	took := old.term(t)
	if !l.waitAnswered(api, len(l.qs), 30*time.Second) {
		t.Errorf("%d of %d answered\n%s", l.answered(api), len(l.qs), replacement.logs.String())
	}
	time.Sleep(300 * time.Millisecond)
	dups := l.check(t, api)
	t.Logf("two replicas with Redis overlapping for %v: %d questions, %d answered twice, %d polls ended by another; old one stopped in %v; the new one took over: %v",
		time.Since(began).Round(time.Millisecond), len(l.qs), dups, api.Conflicts(), took.Round(time.Millisecond),
		strings.Contains(replacement.logs.String(), "took over polling"))
	if dups > 0 {
		t.Errorf("%d answered twice\nold:\n%s\nnew:\n%s", dups, notable(old.logs.String()), notable(replacement.logs.String()))
	}
	replacement.term(t)
}

func TestTermWhileRefused(t *testing.T) {
	for _, status := range []int{http.StatusUnauthorized, http.StatusConflict, http.StatusBadGateway} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			api := telegramtest.NewServer(testToken)
			defer api.Close()
			opsAddr := freeListen(t)
			c := startChild(t, api, "", "", "--http-addr", opsAddr)
			api.WaitFor(10*time.Second, func() bool { return api.Polls() > 0 })
			api.FailFor("getUpdates", time.Hour, telegramtest.Fault{Status: status})
			api.Push(telegramtest.Private(1, "hello")) // ends the long poll
			time.Sleep(3 * time.Second)
			polls := api.Polls()
			code, body := get(t, "http://"+opsAddr+"/readyz")
			if status == http.StatusUnauthorized && (code != http.StatusServiceUnavailable || !strings.Contains(body, "401")) {
				t.Errorf("/readyz after 401: %d %s", code, body)
			}
			took := c.term(t)
			lines := strings.Count(c.logs.String(), "getUpdates")
			t.Logf("getUpdates answering %d for 3 s: %d calls, %d log lines mentioning it; SIGTERM exit after %v",
				status, polls, lines, took.Round(time.Millisecond))
			if took > budget+500*time.Millisecond {
				t.Errorf("exit %v after SIGTERM, budget %v", took, budget)
			}
			if status != http.StatusBadGateway && (polls > 6 || lines > 6) {
				t.Errorf("%d calls and %d log lines", polls, lines)
			}
		})
	}
}

// notable keeps a child's log lines at warning level and above, and those
// about shutdown and leases: what explains a lost or doubled reply.
func notable(logs string) string {
	var b strings.Builder
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") ||
			strings.Contains(line, "lease") || strings.Contains(line, "abandon") || strings.Contains(line, "unacknowledged") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
