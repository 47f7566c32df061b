// Command benchrun is the measuring half of scripts/bench: for each corpus size it generates
// a gen-corpus project, then runs calint, the parse floor and conftest on it, alternating
// the three commands (a different one first in each round), and prints a Markdown table of
// median wall time, median CPU time (user+sys, from the kernel's rusage of each child) and
// peak RSS, with the ratios the performance targets are written in.
//
//	usage: benchrun -calint BIN -floor BIN -conftest BIN -policy DIR -gen GEN -work DIR [-sizes 1,1000,10000,50000]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type tool struct {
	name string
	args func(dir, out string) []string
}

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

func main() {
	calint := flag.String("calint", "", "calint binary")
	floor := flag.String("floor", "", "parsefloor binary")
	conftest := flag.String("conftest", "", "conftest binary")
	policy := flag.String("policy", "", "conftest policy directory")
	gen := flag.String("gen", "", "gen-corpus script")
	work := flag.String("work", "", "scratch directory for the projects and outputs")
	sizes := flag.String("sizes", "1,1000,10000,50000", "comma-separated corpus sizes (apps)")
	seed := flag.Int("seed", 1, "gen-corpus seed")
	flag.Parse()
	if *calint == "" || *floor == "" || *conftest == "" || *policy == "" || *gen == "" || *work == "" {
		flag.Usage()
		os.Exit(2)
	}
	tools := []tool{
		{"calint", func(dir, out string) []string {
			return []string{*calint, "scan", "--format", "json", "--output", out, dir}
		}},
		{"parse floor", func(dir, _ string) []string { return []string{*floor, dir} }},
		{"conftest", func(dir, _ string) []string {
			return []string{*conftest, "test", "--policy", *policy, "--output", "json", filepath.Join(dir, "force-app")}
		}},
	}
	fmt.Println("| apps | tool | runs | median wall | median CPU (user+sys) | peak RSS | wall / parse floor | wall / conftest | calint µs per app (wall) |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fatal(fmt.Errorf("bad size %q", s))
		}
		dir := filepath.Join(*work, fmt.Sprintf("apps-%d", n))
		//nolint:gosec // G204: the benchmark runs the generator the developer names
		if out, err := exec.Command(*gen, "-n", strconv.Itoa(n), "-seed", strconv.Itoa(*seed), "-out", dir).CombinedOutput(); err != nil {
			fatal(fmt.Errorf("%s: %w\n%s", *gen, err, out))
		}
		runs := runsFor(n)
		results := make([][]sample, len(tools))
		// one warm-up round (page cache, binaries), then the measured rounds
		for round := -1; round < runs; round++ {
			for k := range tools {
				i := (k + max(round, 0)) % len(tools)
				out := filepath.Join(*work, fmt.Sprintf("out-%d-%d.json", n, i))
				smp, err := run(tools[i].args(dir, out), out)
				if err != nil {
					fatal(fmt.Errorf("%s on %d apps: %w", tools[i].name, n, err))
				}
				if round >= 0 {
					results[i] = append(results[i], smp)
				}
			}
		}
		med := make([]sample, len(tools))
		for i := range tools {
			med[i] = median(results[i])
		}
		for i, t := range tools {
			perApp := ""
			if t.name == "calint" {
				perApp = fmt.Sprintf("%.0f", float64(med[i].wall.Microseconds())/float64(n))
			}
			fmt.Printf("| %d | %s | %d | %s | %s | %.1f MiB | %.2fx | %.2fx | %s |\n", n, t.name, runs,
				dur(med[i].wall), dur(med[i].cpu), float64(med[i].rssKB)/1024,
				ratio(med[i].wall, med[1].wall), ratio(med[i].wall, med[2].wall), perApp)
		}
	}
}

// runsFor is how many measured rounds a size gets: many for the noisy one-file case.
func runsFor(n int) int {
	switch {
	case n <= 1:
		return 21
	case n <= 1000:
		return 7
	}
	return 3
}

// run runs one command with stdout into out (or discarded) and returns its wall time, the
// CPU time and peak RSS the kernel accounted to it. Exit status 1 (findings, failed
// policies) is a normal outcome; anything else is an error.
func run(argv []string, out string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...) //nolint:gosec // G204: the benchmark runs the commands it measures
	f, err := os.Create(out + ".stdout")
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = f, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
		return sample{}, fmt.Errorf("%w: %s", err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, errors.New("no rusage on this platform")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKB: ru.Maxrss}, nil
}

func median(s []sample) sample {
	walls := make([]time.Duration, len(s))
	cpus := make([]time.Duration, len(s))
	var rss int64
	for i, x := range s {
		walls[i], cpus[i] = x.wall, x.cpu
		rss = max(rss, x.rssKB)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return sample{wall: walls[len(walls)/2], cpu: cpus[len(cpus)/2], rssKB: rss}
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func dur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "benchrun:", err)
	os.Exit(1)
}
