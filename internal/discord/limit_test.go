package discord

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

func TestGlobalLimitSpacesRESTCalls(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	c := &http.Client{Transport: newLimitedTransport(nil, 100)}
	var wg sync.WaitGroup
	for i := 0; i < 60; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.Get(srv.URL + "/api/v9/channels/1/messages")
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	began := time.Now()
	for i := 0; i < 20; i++ { // interaction callbacks are not limited
		resp, err := c.Post(srv.URL+"/api/v9/interactions/1/tok/callback", "application/json", nil)
		if err == nil {
			resp.Body.Close()
		}
	}
	if d := time.Since(began); d > 150*time.Millisecond {
		t.Errorf("interaction callbacks waited %v", d)
	}
	mu.Lock()
	defer mu.Unlock()
	// 60 calls at 100 a second start at least 590 ms apart from first to
	// last; arrival times may bunch a little, not by that much.
	if spread := at[59].Sub(at[0]); spread < 400*time.Millisecond {
		t.Errorf("60 REST calls arrived within %v at 100 a second", spread)
	}
}
