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
	for i := range at[:60] {
		n := 0
		for j := i; j < 60 && at[j].Sub(at[i]) < 200*time.Millisecond; j++ {
			n++
		}
		if n > 21 {
			t.Fatalf("%d REST calls within 200 ms at 100 a second", n)
		}
	}
}
