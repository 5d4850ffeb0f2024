// Package ops is the operations side of `backcare serve`: Prometheus
// metrics, liveness and readiness checks, the HTTP listener that serves
// them, and the privacy-safe log line written for each handled message.
package ops

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/listener"
)

// Metrics are Backcare's Prometheus metrics, in their own registry.
type Metrics struct {
	Registry *prometheus.Registry
	// KnownTopic, if set, tells the topics of the knowledge base in use.
	// Feedback naming any other topic (a forged button payload) is then
	// counted under the topic "unknown", so that no client can add label
	// values without end.
	KnownTopic func(id string) bool

	received   *prometheus.CounterVec
	replies    *prometheus.CounterVec
	answers    *prometheus.CounterVec
	safety     *prometheus.CounterVec
	feedback   *prometheus.CounterVec
	kbInfo     *prometheus.GaugeVec
	latency    *prometheus.HistogramVec
	sendErrors *prometheus.CounterVec
	reloads    *prometheus.CounterVec
	stateErrs  *prometheus.CounterVec
	deliveries *prometheus.CounterVec
	dropped    prometheus.Counter
}

// NewMetrics registers the metrics, the Go and process collectors,
// backcare_build_info and backcare_kb_info.
func NewMetrics(version string) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		Registry: reg,
		received: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_messages_received_total",
			Help: "Messages handed to the engine, by platform."}, []string{"platform"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_replies_total",
			Help: "Replies by platform and kind (topic, clarification, fallback, decline, urgent, info, rate-limited, none)."}, []string{"platform", "kind"}),
		safety: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_safety_total",
			Help: "Replies that met a safety category (a red flag's id, crisis, abuse, loss), by category; one message may count under several."}, []string{"category"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_answers_total",
			Help: "Topic answers by topic id."}, []string{"topic"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_feedback_total",
			Help: "Feedback on answers by topic id and vote (up, down); a repeated press is not counted."}, []string{"topic", "vote"}),
		kbInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "backcare_kb_info",
			Help: "The knowledge base in service, by version (a content hash); the value is always 1."}, []string{"version"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "backcare_reply_duration_seconds",
			Help: "Time the engine took to produce a reply.", Buckets: prometheus.ExponentialBuckets(0.00001, 4, 10)}, []string{"platform"}),
		sendErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_platform_errors_total",
			Help: "Failed platform API calls by platform, method and status (429, 5xx, network, 4xx codes)."}, []string{"platform", "method", "status"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_kb_reloads_total",
			Help: "Knowledge-base reloads by result (success, failure)."}, []string{"result"}),
		stateErrs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_state_errors_total",
			Help: "Shared-state store errors that fell back to local state, by store."}, []string{"store"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "backcare_deliveries_total",
			Help: "Updates settled, by platform and result: delivered, failed (refused for good), expired (still failing at the end of the retry window), abandoned (left unacknowledged at shutdown, to come back), duplicate (already handled, skipped)."}, []string{"platform", "result"}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{Name: "backcare_insights_dropped_total",
			Help: "Insights-log lines dropped because the disk was too slow to take them."}),
	}
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "backcare_build_info",
		Help: "Build information; the value is always 1."}, []string{"version", "goversion"})
	build.WithLabelValues(version, runtime.Version()).Set(1)
	reg.MustRegister(m.received, m.replies, m.answers, m.safety, m.feedback, m.kbInfo, m.latency, m.sendErrors, m.reloads, m.stateErrs, m.deliveries, m.dropped, build,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Start the per-kind series at zero so dashboards see them before the
	// first event.
	for _, r := range []string{"success", "failure"} {
		m.reloads.WithLabelValues(r)
	}
	return m
}

// Observe records one handled message; it fits bot.Options.Observe.
func (m *Metrics) Observe(msg bot.Message, r bot.Reply, d time.Duration) {
	m.received.WithLabelValues(msg.Platform).Inc()
	m.replies.WithLabelValues(msg.Platform, string(r.Kind)).Inc()
	if r.Kind == bot.KindAnswer {
		m.answers.WithLabelValues(r.TopicID).Inc()
	}
	for _, c := range r.Safety {
		m.safety.WithLabelValues(c).Inc()
	}
	if f := r.Feedback; f != nil && !f.Repeat && (f.Vote == bot.VoteUp || f.Vote == bot.VoteDown) {
		topic := f.Topic
		if m.KnownTopic != nil && !m.KnownTopic(topic) {
			topic = "unknown"
		}
		m.feedback.WithLabelValues(topic, string(f.Vote)).Inc()
	}
	m.latency.WithLabelValues(msg.Platform).Observe(d.Seconds())
}

// KnowledgeVersion sets backcare_kb_info to the knowledge base now in
// service. Call it at start and after each reload.
func (m *Metrics) KnowledgeVersion(version string) {
	m.kbInfo.Reset()
	m.kbInfo.WithLabelValues(version).Set(1)
}

// SendError counts a failed platform API call.
func (m *Metrics) SendError(platform, method, status string) {
	m.sendErrors.WithLabelValues(platform, method, status).Inc()
}

// Reload counts a knowledge-base reload.
func (m *Metrics) Reload(ok bool) {
	if ok {
		m.reloads.WithLabelValues("success").Inc()
	} else {
		m.reloads.WithLabelValues("failure").Inc()
	}
}

// Delivery counts one settled update by result.
func (m *Metrics) Delivery(platform, result string) {
	m.deliveries.WithLabelValues(platform, result).Inc()
}

// InsightsDropped counts an insights-log line dropped on a slow disk.
func (m *Metrics) InsightsDropped() { m.dropped.Inc() }

// StateError counts a shared-state failure that fell back to local state.
func (m *Metrics) StateError(store string) { m.stateErrs.WithLabelValues(store).Inc() }

// Health holds the readiness checks: the knowledge base and each adapter.
type Health struct {
	mu     sync.Mutex
	checks map[string]func() error
}

// NewHealth returns an empty set of checks.
func NewHealth() *Health { return &Health{checks: map[string]func() error{}} }

// Add registers a readiness check; nil from check means ready.
func (h *Health) Add(name string, check func() error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.checks[name] = check
}

// Ready runs every check and returns the failures, by name.
func (h *Health) Ready() map[string]error {
	h.mu.Lock()
	names := make([]string, 0, len(h.checks))
	for n := range h.checks {
		names = append(names, n)
	}
	checks := h.checks
	h.mu.Unlock()
	sort.Strings(names)
	failed := map[string]error{}
	for _, n := range names {
		if err := checks[n](); err != nil {
			failed[n] = err
		}
	}
	return failed
}

// Handler serves /healthz (the process is alive), /readyz (every check
// passes) and /metrics.
func Handler(m *Metrics, h *Health) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		failed := h.Ready()
		if len(failed) == 0 {
			fmt.Fprintln(w, "ready")
			return
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		names := make([]string, 0, len(failed))
		for n := range failed {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(w, "%s: %v\n", n, failed[n])
		}
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
	return mux
}

// DefaultAddr is the operations listener's default address: loopback
// only, so /metrics is not public unless an operator says so.
const DefaultAddr = "127.0.0.1:8080"

// Serve listens on addr until ctx ends, with limits on header size and
// timeouts on slow and idle connections (see listener.Limits; zero limits
// take its defaults). ready, if not nil, receives the bound address once
// listening.
func Serve(ctx context.Context, addr string, handler http.Handler, limits listener.Limits, log *slog.Logger, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("operations listener %s: %w", addr, err)
	}
	if ready != nil {
		ready(ln.Addr())
	}
	log.Info("operations listener up", "addr", ln.Addr().String())
	err = listener.Serve(ctx, listener.Server(handler, limits), ln, func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	})
	if err != nil {
		return fmt.Errorf("operations listener: %w", err)
	}
	return nil
}

// Hasher turns user and chat ids into salted hashes for logs, so a log
// line cannot be tied to a person without the salt.
type Hasher struct{ salt []byte }

// NewHasher uses salt, or a random one (hashes then differ per process).
func NewHasher(salt string) Hasher {
	if salt == "" {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		return Hasher{b}
	}
	return Hasher{[]byte(salt)}
}

// Hash returns a short, salted hash of id.
func (h Hasher) Hash(id string) string {
	s := sha256.New()
	s.Write(h.salt)
	s.Write([]byte(id))
	return hex.EncodeToString(s.Sum(nil)[:6])
}

// MessageLog returns an observer that logs each handled message: platform,
// hashed chat and user, reply kind, topic, red flags, feedback (up, down,
// comment, or repeat for a press that counted nothing), latency. The text is
// included only when withText is set (debugging).
func MessageLog(log *slog.Logger, h Hasher, withText bool) func(bot.Message, bot.Reply, time.Duration) {
	return func(m bot.Message, r bot.Reply, d time.Duration) {
		if r.Kind == bot.KindNone {
			return
		}
		attrs := []any{"platform", m.Platform, "chat", h.Hash(m.ChatID), "user", h.Hash(m.UserID),
			"kind", r.Kind, "latency", d}
		if r.TopicID != "" {
			attrs = append(attrs, "topic", r.TopicID, "confidence", fmt.Sprintf("%.2f", r.Confidence))
		}
		if len(r.RedFlags) > 0 {
			attrs = append(attrs, "red_flags", strings.Join(r.RedFlags, ","))
		}
		if f := r.Feedback; f != nil {
			attrs = append(attrs, "feedback", feedbackName(*f))
		}
		if withText {
			attrs = append(attrs, "text", m.Text+m.Arg)
		}
		log.Info("message", attrs...)
	}
}

// feedbackName names a feedback event for the message log.
func feedbackName(f bot.Feedback) string {
	switch {
	case f.Repeat:
		return "repeat"
	case f.Comment:
		return "comment"
	}
	return string(f.Vote)
}
