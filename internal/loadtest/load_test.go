// Package loadtest measures Backcare end to end under load: simulated
// users post questions to the Telegram webhook endpoint of one or two
// replicas (sharing Redis, or each with in-memory state), and a fake Bot
// API on loopback records the replies.
//
//	go test ./internal/loadtest -run '^$' -bench . -benchtime 2000x
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/outbound"
	"github.com/backcare/backcare/internal/redis"
	"github.com/backcare/backcare/internal/redis/redistest"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
	"github.com/backcare/backcare/knowledge"
)

// unlimited lifts Telegram's sending limits: the benchmark measures the
// bot, not the limits (the fake is unlimited too).
var unlimited = outbound.Config{Chat: outbound.Limit{N: 1 << 20, Per: time.Nanosecond},
	Group: outbound.Limit{N: 1 << 20, Per: time.Nanosecond}, Global: outbound.Limit{N: 1 << 20, Per: time.Nanosecond}}

const users = 32 // concurrent simulated users, each waiting for its answer before asking again

var questions = []string{
	"what helps back spasms", "why does my lower back keep spasming", "can i wear heels",
	"is tens safe in pregnancy", "tell me more", "best pizza in town", "should i sleep on my side",
}

// replicaURLs starts n webhook replicas and returns their webhook URLs.
func replicaURLs(b *testing.B, n int, api *telegramtest.Server, redisURL string) []string {
	kb, err := knowledge.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var urls []string
	prefix := fmt.Sprintf("load:%d:", time.Now().UnixNano()) // shared by this case's replicas
	for i := 0; i < n; i++ {
		opts := bot.Options{Limiter: bot.Unlimited{}}
		var leases lease.Store
		if redisURL != "" {
			st, err := redis.Open(redis.Options{URL: redisURL, Prefix: prefix, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			opts.Contexts, opts.Locker, leases = st.Contexts(), st.Locker(), st.Leases()
		}
		eng := bot.NewEngine(kb, match.Must(match.New(kb)), opts)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		addr := ln.Addr().String()
		ad := telegram.New(telegram.Config{Token: api.Token, Endpoint: api.Endpoint(), Leases: leases, Workers: 16, Send: unlimited,
			Logger:  slog.New(slog.DiscardHandler),
			Webhook: &telegram.Webhook{URL: "https://bot.example.org/tg", Listener: ln, Path: "/tg", Secret: "s"}}, eng)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { _ = ad.Run(ctx); close(done) }()
		b.Cleanup(func() { cancel(); <-done })
		<-ad.Ready()
		for ad.Check() != nil {
			time.Sleep(5 * time.Millisecond)
		}
		urls = append(urls, "http://"+addr+"/tg")
	}
	return urls
}

func BenchmarkWebhookLoad(b *testing.B) {
	cases := []struct {
		name     string
		replicas int
		redis    bool
	}{
		{"1-replica-memory", 1, false},
		{"1-replica-redis", 1, true},
		{"2-replicas-redis", 2, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			redisURL := ""
			if c.redis {
				redisURL = redistest.URL(b)
			}
			api := telegramtest.NewServer("1:load")
			defer api.Close()
			api.SetLimits(telegramtest.Limits{})
			urls := replicaURLs(b, c.replicas, api, redisURL)

			// One reply channel per simulated user (chat).
			replies := make([]chan time.Time, users)
			for i := range replies {
				replies[i] = make(chan time.Time, 4)
			}
			api.OnCall(func(call telegramtest.Call) {
				if call.Method != "sendMessage" {
					return
				}
				chat, _ := strconv.Atoi(call.Params["chat_id"])
				if i := chat - 1_000_000; i >= 0 && i < users {
					replies[i] <- call.At
				}
			})
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: users}}

			var mu sync.Mutex
			latencies := make([]time.Duration, 0, b.N)
			var next sync.Mutex
			id := 0
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for u := 0; u < users; u++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := 0; ; k++ {
						next.Lock()
						if id >= b.N {
							next.Unlock()
							return
						}
						id++
						uid := id
						next.Unlock()
						up := telegramtest.Private(int64(1_000_000+u), questions[k%len(questions)])
						up.UpdateID = uid
						body, _ := json.Marshal(up)
						req, _ := http.NewRequest(http.MethodPost, urls[uid%len(urls)], bytes.NewReader(body))
						req.Header.Set(telegram.SecretHeader, "s")
						sent := time.Now()
						resp, err := client.Do(req)
						if err != nil {
							b.Error(err)
							return
						}
						resp.Body.Close()
						select {
						case at := <-replies[u]:
							mu.Lock()
							latencies = append(latencies, at.Sub(sent))
							mu.Unlock()
						case <-time.After(10 * time.Second):
							b.Errorf("user %d: no reply", u)
							return
						}
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			slices.Sort(latencies)
			if len(latencies) == 0 {
				return
			}
			pct := func(p float64) float64 {
				return float64(latencies[int(p*float64(len(latencies)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "msgs/s")
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}
