// Package listener runs HTTP servers that face untrusted networks: small
// header limits, and timeouts on reading headers and bodies, on writing
// answers and on idle keep-alive connections, so that slow or idle
// clients cannot hold memory or connections for long.
package listener

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Limits bound what one connection may cost. Zero fields take the
// defaults noted.
type Limits struct {
	// MaxHeaderBytes bounds a request's headers; default 8 KiB (Telegram's
	// and Prometheus's requests need far less).
	MaxHeaderBytes int
	// ReadHeaderTimeout bounds reading the headers; default 5 s.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request; default 10 s.
	ReadTimeout time.Duration
	// WriteTimeout bounds handling and answering a request, from the end
	// of its headers; default 30 s.
	WriteTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle this long; default 60 s.
	IdleTimeout time.Duration
}

// Server returns an http.Server for h with l's limits.
func Server(h http.Handler, l Limits) *http.Server {
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = 8 << 10
	}
	if l.ReadHeaderTimeout <= 0 {
		l.ReadHeaderTimeout = 5 * time.Second
	}
	if l.ReadTimeout <= 0 {
		l.ReadTimeout = 10 * time.Second
	}
	if l.WriteTimeout <= 0 {
		l.WriteTimeout = 30 * time.Second
	}
	if l.IdleTimeout <= 0 {
		l.IdleTimeout = 60 * time.Second
	}
	return &http.Server{
		Handler:           h,
		MaxHeaderBytes:    l.MaxHeaderBytes,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
	}
}

// Serve serves srv on ln until ctx ends, then shuts it down: it stops
// accepting, closes idle connections and waits for requests in flight
// until the context returned by grace ends (then closes them too). It
// returns an error only if serving failed.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, grace func() (context.Context, context.CancelFunc)) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shut, cancel := grace()
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		_ = srv.Close()
		if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	return nil
}
