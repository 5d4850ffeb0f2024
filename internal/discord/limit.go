package discord

import (
	"net/http"
	"strings"

	"golang.org/x/time/rate"
)

// GlobalRate is Discord's documented global limit on REST requests per bot:
// 50 a second. Interaction responses and follow-ups are not bound by it.
const GlobalRate = 50

// limitedTransport spaces REST requests to stay under Discord's global
// limit. discordgo already keeps per-route buckets from the
// X-RateLimit-* headers, waits out 429s (per route, or all routes for a
// global 429) and retries 502s; it learns of the global limit only from a
// 429, which this avoids.
type limitedTransport struct {
	next http.RoundTripper
	lim  *rate.Limiter
}

// newLimitedTransport allows perSecond requests a second, evenly spaced.
func newLimitedTransport(next http.RoundTripper, perSecond int) *limitedTransport {
	if next == nil {
		next = http.DefaultTransport
	}
	return &limitedTransport{next: next, lim: rate.NewLimiter(rate.Limit(perSecond), 1)}
}

// RoundTrip implements http.RoundTripper.
func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.Contains(req.URL.Path, "/interactions/") && !strings.Contains(req.URL.Path, "/webhooks/") {
		if err := t.lim.Wait(req.Context()); err != nil {
			return nil, err
		}
	}
	return t.next.RoundTrip(req)
}
