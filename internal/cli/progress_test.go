package cli

import (
	"bytes"
	"io"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer written by the progress goroutine and read by the test; each
// write is also signalled on wrote.
type lockedBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	defer func() {
		select {
		case l.wrote <- struct{}{}:
		default:
		}
	}()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func progressEnv(w io.Writer, terminal bool, delay string) Env {
	return Env{
		Stderr:     w,
		Getenv:     func(k string) string { return map[string]string{progressDelayEnv: delay}[k] },
		IsTerminal: func(io.Writer) bool { return terminal },
	}
}

// TestProgressDelay: a terminal gets a display after one second unless the internal
// variable says otherwise; no terminal or --quiet, none.
func TestProgressDelay(t *testing.T) {
	for _, c := range []struct {
		delay string
		want  time.Duration
	}{{"", time.Second}, {"bogus", time.Second}, {"-1s", time.Second}, {"0s", 0}, {"250ms", 250 * time.Millisecond}} {
		if p := newProgress(progressEnv(io.Discard, true, c.delay), false); p == nil || p.delay != c.want {
			t.Errorf("CALINT_PROGRESS_DELAY=%q: %+v, want delay %s", c.delay, p, c.want)
		}
	}
	if p := newProgress(progressEnv(io.Discard, false, "0s"), false); p != nil {
		t.Error("not a terminal: want no display")
	}
	if p := newProgress(progressEnv(io.Discard, true, "0s"), true); p != nil {
		t.Error("--quiet: want no display")
	}
	var none *progress
	none.start().add()
	none.stop() // a nil display does nothing
}

// TestProgressQuickScanShowsNothing: a scan that ends before the delay has passed writes
// nothing, and the display waited for the delay it was given.
func TestProgressQuickScanShowsNothing(t *testing.T) {
	w := &lockedBuffer{wrote: make(chan struct{}, 1)}
	p := newProgress(progressEnv(w, true, ""), false)
	asked := make(chan time.Duration, 1)
	p.after = func(d time.Duration) <-chan time.Time {
		asked <- d
		return nil // never: the scan ends first
	}
	p.start()
	p.add()
	if d := <-asked; d != time.Second {
		t.Errorf("waited for %s, want 1s", d)
	}
	p.stop()
	if s := w.String(); s != "" {
		t.Errorf("output %q, want none", s)
	}
}

// TestProgressSlowScanShowsCountAndErasesIt: once the delay has passed, the count shows,
// and stop erases it.
func TestProgressSlowScanShowsCountAndErasesIt(t *testing.T) {
	w := &lockedBuffer{wrote: make(chan struct{}, 1)}
	p := newProgress(progressEnv(w, true, ""), false)
	fire := make(chan time.Time, 1)
	p.after = func(time.Duration) <-chan time.Time { return fire }
	p.start()
	p.add()
	p.add()
	fire <- time.Time{}
	<-w.wrote // the first display
	p.stop()
	if s, want := w.String(), "\rscanning: 2 files\r                 \r"; s != want {
		t.Errorf("output %q, want %q", s, want)
	}
}
