package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/internal/listener"
)

// maxWebhookBody bounds an update's size; real updates are a few KB.
const maxWebhookBody = 1 << 20

// SecretHeader carries the webhook secret on every update Telegram posts.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// serveWebhook registers the webhook and serves updates until ctx ends,
// then stops taking updates and waits for the requests in flight, which
// end by the drain deadline (when work is cancelled).
func (a *Adapter) serveWebhook(ctx, work context.Context) error {
	wh := a.cfg.Webhook
	if wh.Secret == "" {
		return errors.New("telegram webhook: a secret is required")
	}
	ln := wh.Listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", wh.Listen); err != nil {
			return fmt.Errorf("telegram webhook: listen %s: %w", wh.Listen, err)
		}
	}
	mux := http.NewServeMux()
	mux.Handle(wh.Path, a.webhookHandler(work))
	limits := wh.Limits
	if limits.WriteTimeout <= 0 {
		limits.WriteTimeout = wh.Wait + 5*time.Second
	}
	srv := listener.Server(mux, limits)
	served := make(chan error, 1)
	go func() {
		served <- listener.Serve(ctx, srv, ln, func() (context.Context, context.CancelFunc) {
			// Handlers end by the drain deadline; this is a backstop.
			return context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
		})
	}()

	// setWebhook's secret_token is not in the library's WebhookConfig, so
	// the call is made with explicit parameters.
	params := tgbotapi.Params{"url": wh.URL, "secret_token": wh.Secret}
	if err := params.AddInterface("allowed_updates", allowedUpdates); err != nil {
		return err
	}
	err := a.do(ctx, outboundNone, "setWebhook", func(api *tgbotapi.BotAPI) error {
		_, err := api.MakeRequest("setWebhook", params)
		return err
	})
	if err != nil && ctx.Err() == nil {
		a.log.Error("setWebhook failed; Telegram will not deliver updates until it succeeds", "err", err)
	} else if err == nil {
		a.healthy.Store(true)
		a.log.Info("webhook registered", "listen", ln.Addr().String(), "path", wh.Path)
	}
	if err := <-served; err != nil {
		return fmt.Errorf("telegram webhook: %w", err)
	}
	return nil
}

// webhookHandler returns the HTTP handler for Telegram's webhook posts.
// It answers 200 only once the update is settled (its reply delivered, or
// refused for good), so an update is never lost with a process that dies
// before replying. An update not settled within Webhook.Wait, or left
// unfinished at shutdown, is answered 503: Telegram sends it again later,
// and a retry that arrives while it is still being handled waits for that
// handling. A retry of an update already settled is answered 200 at once
// (the lease store remembers it). A wrong secret gets 401, a malformed
// body 400.
func (a *Adapter) webhookHandler(work context.Context) http.Handler {
	secret := []byte(a.cfg.Webhook.Secret)
	wait := a.cfg.Webhook.Wait
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(SecretHeader)), secret) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u Update
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxWebhookBody))
		if err := dec.Decode(&u); err != nil || u.UpdateID == 0 {
			http.Error(w, "malformed update", http.StatusBadRequest)
			return
		}
		if work.Err() != nil {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		t := a.submit(work, u, wait)
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-t.done:
			if t.ack {
				w.WriteHeader(http.StatusOK)
				return
			}
			http.Error(w, "not handled yet", http.StatusServiceUnavailable)
		case <-timer.C:
			a.log.Debug("update still being handled; asking Telegram to send it again later", "update_id", u.UpdateID)
			http.Error(w, "still handling", http.StatusServiceUnavailable)
		case <-r.Context().Done():
		}
	})
}
