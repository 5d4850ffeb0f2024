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

	"github.com/backcare/backcare/internal/workpool"
)

// maxWebhookBody bounds an update's size; real updates are a few KB.
const maxWebhookBody = 1 << 20

// SecretHeader carries the webhook secret on every update Telegram posts.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// serveWebhook registers the webhook and serves updates until ctx ends.
func (a *Adapter) serveWebhook(ctx, sendCtx context.Context, p *workpool.Pool) error {
	wh := a.cfg.Webhook
	if wh.Secret == "" {
		return errors.New("telegram webhook: a secret is required")
	}
	ln, err := net.Listen("tcp", wh.Listen)
	if err != nil {
		return fmt.Errorf("telegram webhook: listen %s: %w", wh.Listen, err)
	}
	mux := http.NewServeMux()
	mux.Handle(wh.Path, a.webhookHandler(sendCtx, p))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	// setWebhook's secret_token is not in the library's WebhookConfig, so
	// the call is made with explicit parameters.
	params := tgbotapi.Params{"url": wh.URL, "secret_token": wh.Secret}
	if err := params.AddInterface("allowed_updates", []string{"message", "edited_message", "channel_post", "callback_query"}); err != nil {
		return err
	}
	err = a.retry(ctx, "setWebhook", func(ctx context.Context) error {
		_, err := a.call(ctx).MakeRequest("setWebhook", params)
		return err
	})
	if err != nil && ctx.Err() == nil {
		a.log.Error("setWebhook failed; Telegram will not deliver updates until it succeeds", "err", err)
	} else if err == nil {
		a.healthy.Store(true)
		a.log.Info("webhook registered", "listen", ln.Addr().String(), "path", wh.Path)
	}

	select {
	case <-ctx.Done():
	case err := <-served:
		return fmt.Errorf("telegram webhook: %w", err)
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	_ = srv.Shutdown(shutCtx) // waits for handlers that are queueing updates
	return nil
}

// webhookHandler returns the HTTP handler for Telegram's webhook posts. It
// answers at once: updates are queued for the workers. A wrong secret gets
// 401, a malformed body 400, a full queue 503 (Telegram retries later).
func (a *Adapter) webhookHandler(ctx context.Context, p *workpool.Pool) http.Handler {
	secret := []byte(a.cfg.Webhook.Secret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(SecretHeader)), secret) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u tgbotapi.Update
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxWebhookBody))
		if err := dec.Decode(&u); err != nil || u.UpdateID == 0 {
			http.Error(w, "malformed update", http.StatusBadRequest)
			return
		}
		if !p.TryDispatch(chatKey(u), func() { a.handle(ctx, u) }) {
			a.log.Warn("worker queue full; asking Telegram to retry", "update_id", u.UpdateID)
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
