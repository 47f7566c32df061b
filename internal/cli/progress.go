package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// progressDelayEnv is internal, for tests: how long a scan runs before progress shows
// (a Go duration; default 1s).
const progressDelayEnv = "CALINT_PROGRESS_DELAY"

// progress shows "scanning: N files" on an interactive stderr for scans that take more
// than a second, and erases it when the scan ends, before any report is written. It never
// writes anywhere else, so reports and piped output never contain it.
type progress struct {
	w     io.Writer
	delay time.Duration
	// after is time.After; tests replace it to decide when the delay has passed
	after func(time.Duration) <-chan time.Time
	n     atomic.Int64
	quit  chan struct{}
	done  sync.WaitGroup
	width int // of the text on screen, 0 when nothing is shown
}

// newProgress returns the progress display of a scan when stderr is a terminal (not
// started); otherwise nil, whose methods do nothing.
func newProgress(env Env, quiet bool) *progress {
	if quiet || !env.IsTerminal(env.Stderr) {
		return nil
	}
	delay := time.Second
	if d, err := time.ParseDuration(env.Getenv(progressDelayEnv)); err == nil && d >= 0 {
		delay = d
	}
	return &progress{w: env.Stderr, delay: delay, after: time.After, quit: make(chan struct{})}
}

// start starts the display: after the delay, the count of files scanned so far, updated
// ten times a second.
func (p *progress) start() *progress {
	if p == nil {
		return nil
	}
	p.done.Add(1)
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer p.done.Done()
	if p.delay > 0 {
		select {
		case <-p.quit:
			return
		case <-p.after(p.delay):
		}
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	shown := int64(-1)
	for {
		if n := p.n.Load(); n != shown {
			shown = n
			s := fmt.Sprintf("scanning: %d files", n)
			if n == 1 {
				s = "scanning: 1 file"
			}
			fmt.Fprintf(p.w, "\r%s", s)
			p.width = len(s)
		}
		select {
		case <-p.quit:
			return
		case <-tick.C:
		}
	}
}

// add counts a file scanned.
func (p *progress) add() {
	if p != nil {
		p.n.Add(1)
	}
}

// stop ends the display and erases the line.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.quit)
	p.done.Wait()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	}
}
