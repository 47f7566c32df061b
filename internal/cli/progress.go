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
	n     atomic.Int64
	quit  chan struct{}
	done  sync.WaitGroup
	width int // of the text on screen, 0 when nothing is shown
}

// startProgress starts the progress display when stderr is a terminal; otherwise it
// returns nil, whose methods do nothing.
func startProgress(env Env, quiet bool) *progress {
	if quiet || !env.IsTerminal(env.Stderr) {
		return nil
	}
	delay := time.Second
	if d, err := time.ParseDuration(env.Getenv(progressDelayEnv)); err == nil && d >= 0 {
		delay = d
	}
	p := &progress{w: env.Stderr, quit: make(chan struct{})}
	p.done.Add(1)
	go p.loop(delay)
	return p
}

func (p *progress) loop(delay time.Duration) {
	defer p.done.Done()
	if delay > 0 {
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-p.quit:
			return
		case <-timer.C:
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
