// Package baseline records the findings of a scan in a file and hides them in later scans.
//
// Entries are matched by the findings' semantic fingerprint (rule, app, file kind, element
// path without indexes and the value that tells repeated elements apart), never by line,
// so reformatting a file or moving elements changes nothing, while a new problem (a second
// Full scope, the same problem in another app) is reported. Each entry hides one finding:
// two identical findings need two entries.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/sidefile"
)

// Version is the format version written and accepted.
const Version = 1

// File is a baseline file.
type File struct {
	Version int    `json:"version"`
	Tool    string `json:"tool"`
	// Findings are sorted by file, rule, app, message and fingerprint.
	Findings []Entry `json:"findings"`

	// path and dir are where the file was read from or will be written to.
	path, dir string
}

// Entry is one recorded finding. Only Fingerprint matters for matching; the rest is for
// people reviewing the file (and never holds a secret: messages are masked).
type Entry struct {
	RuleID      string `json:"ruleId"`
	App         string `json:"app,omitempty"`
	File        string `json:"file"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

// recordable leaves out findings suppressed inline or by config: they carry their own
// reason and expiry.
func recordable(f report.Finding) bool {
	return !f.Suppressed || f.Suppression == nil || f.Suppression.Kind == "baseline"
}

// New records every finding not suppressed inline or by config, for writing to path. File
// names are stored relative to path's directory.
func New(path string, findings []report.Finding) *File {
	b := &File{Version: Version, Tool: "calint", Findings: []Entry{}, path: path, dir: absDir(path)}
	for _, f := range findings {
		if !recordable(f) {
			continue
		}
		b.Findings = append(b.Findings, Entry{
			RuleID: f.RuleID, App: f.App, File: relFile(b.dir, f.File),
			Message: f.Message, Fingerprint: f.Fingerprint,
		})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		for _, c := range [][2]string{{x.File, y.File}, {x.RuleID, y.RuleID}, {x.App, y.App}, {x.Message, y.Message}} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline atomically to the path given to New.
func (b *File) Write() error {
	err := report.WriteFile(b.path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(b)
	})
	if err != nil {
		return fmt.Errorf("baseline %s: %w", b.path, errors.Unwrap(err))
	}
	return nil
}

// Load reads a baseline file.
func Load(path string) (*File, error) {
	data, err := sidefile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	b := &File{path: path, dir: absDir(path)}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a calint baseline: %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d is not supported (want %d; rewrite it with --write-baseline)", path, b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: entry %d has no fingerprint", path, i+1)
		}
	}
	return b, nil
}

// Path is where the baseline was read from or is written to.
func (b *File) Path() string { return b.path }

// Apply hides the findings recorded in the baseline: each entry hides one finding with its
// fingerprint. Unsuppressed findings are matched first; an entry left over for a finding
// suppressed inline or by config is used up by it (the finding keeps its own suppression),
// so it does not count as fixed. scanned lists the files of this scan as
// reports name them. Apply returns how many entries matched no finding although their file
// was scanned or no longer exists: the problems fixed since the baseline was written.
// Entries of files outside a partial scan (pre-commit, --changed-since) are not counted.
func (b *File) Apply(findings []report.Finding, scanned []string) (fixed int) {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	reason := "recorded in baseline " + filepath.ToSlash(b.path)
	for pass := range 2 {
		for i := range findings {
			f := &findings[i]
			if (pass == 1) != (f.Suppressed && f.Suppression != nil && f.Suppression.Kind != "baseline") {
				continue
			}
			if left[f.Fingerprint] == 0 {
				continue
			}
			left[f.Fingerprint]--
			if !f.Suppressed {
				f.Suppressed = true
				f.Suppression = &report.Suppression{Kind: "baseline", Reason: reason}
			}
		}
	}
	inScan := map[string]bool{}
	for _, s := range scanned {
		inScan[absFile("", s)] = true
	}
	for _, e := range b.Findings {
		if left[e.Fingerprint] == 0 {
			continue
		}
		left[e.Fingerprint]--
		file := absFile(b.dir, e.File)
		if inScan[file] || !exists(file) {
			fixed++
		}
	}
	return fixed
}

func absDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "."
	}
	return filepath.Dir(abs)
}

// absFile resolves a reported file name (possibly "archive.zip!inner") against dir (the
// working directory when "").
func absFile(dir, file string) string {
	outer, inner, isZip := strings.Cut(file, "!")
	p := filepath.FromSlash(outer)
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if isZip {
		return p + "!" + inner
	}
	return p
}

// relFile is a reported file name relative to dir, with slashes; unchanged when it has
// no relative path (another volume).
func relFile(dir, file string) string {
	abs := absFile("", file)
	outer, inner, isZip := strings.Cut(abs, "!")
	rel, err := filepath.Rel(dir, outer)
	if err != nil {
		return file
	}
	rel = filepath.ToSlash(rel)
	if isZip {
		return rel + "!" + inner
	}
	return rel
}

func exists(file string) bool {
	outer, _, _ := strings.Cut(file, "!")
	_, err := os.Stat(outer)
	return err == nil
}

// NewSince keeps the findings a change brings in: it removes from findings every
// unsuppressed one whose fingerprint also occurs among before (the active findings of the
// same paths at an earlier commit), as a multiset like a baseline, so a second Full scope
// in another app is new while a moved one is not. It returns the findings kept, how many
// were already there, and how many of before are gone (fixed). A finding suppressed now
// uses up its entry without being removed, so suppressing a finding does not count as
// fixing it.
func NewSince(findings, before []report.Finding) (kept []report.Finding, preexisting, fixed int) {
	left := map[string]int{}
	for _, f := range before {
		if !f.Suppressed {
			left[f.Fingerprint]++
		}
	}
	drop := make([]bool, len(findings))
	for i, f := range findings {
		if !f.Suppressed && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			drop[i] = true
			preexisting++
		}
	}
	for _, f := range findings {
		if f.Suppressed && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
		}
	}
	for _, n := range left {
		fixed += n
	}
	kept = make([]report.Finding, 0, len(findings)-preexisting)
	for i, f := range findings {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	return kept, preexisting, fixed
}
