// Package scan runs a scan: it discovers files, parses them in parallel, joins them into
// apps, evaluates the rules and turns violations into located, fingerprinted findings.
package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unique"

	"github.com/calint/calint/pkg/discover"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fingerprint"
	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
)

// ParseErrorID is the rule reported for files that cannot be read or parsed.
const ParseErrorID = "CAL001"

// Options configure a scan.
type Options struct {
	Paths    []string
	Discover discover.Options
	Engine   *engine.Engine
	// Jobs is the number of parallel workers; 0 means the number of CPUs.
	Jobs int
	// Limits bound each file; zero means parse.DefaultLimits.
	Limits parse.Limits
	// Severity overrides a rule's default severity, by rule id.
	Severity map[string]string
	// Disabled rule ids produce no findings (CAL001 included).
	Disabled map[string]bool
	// Progress, when set, is called after each file with the count done so far.
	Progress func(done int)
	// LeanApps keeps only each app's name, type and files in Result.Apps, without the
	// posture facts and callbacks that only the HTML report shows: a scan of many apps then
	// holds little more than its findings.
	LeanApps bool
	// Now is the scan date certificate expiry is measured against; zero means now.
	Now time.Time
}

// Directive is a calint comment in a file, with the lines it covers.
type Directive struct {
	File string
	// Line and Column locate the comment's "<!--"; CommentEndLine and CommentEndColumn
	// are just after its "-->".
	Line, Column                     int
	CommentEndLine, CommentEndColumn int
	// Snippet is the comment's first source line, with secrets masked.
	Snippet string
	// Text is the comment's text.
	Text string
	// StartLine..EndLine is the element it covers; the whole file for a comment before
	// the root.
	StartLine, EndLine int
	// Path is the covered element's path ("" for the whole file).
	Path string
	// Orphan is set for a comment that precedes no element, so it covers nothing.
	Orphan bool
}

// Result is what a scan found.
type Result struct {
	Findings   []report.Finding
	Errors     []report.FileError
	Directives []Directive
	Apps       []report.AppSummary
	Files      int
	AppCount   int
}

// MaxJobs bounds the number of parallel workers: more than this many only costs memory.
const MaxJobs = 256

// Jobs is the number of workers for a requested n: the number of CPUs for n <= 0, at most
// MaxJobs.
func Jobs(n int) int {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return min(n, MaxJobs)
}

// Run scans. It fails only on a usage problem (a missing path, a bad zip); a file that
// cannot be parsed is a CAL001 finding and an entry in Errors.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Engine == nil {
		return nil, errors.New("scan: no engine")
	}
	schemas, err := engine.Schemas()
	if err != nil {
		return nil, err
	}
	if opts.Limits == (parse.Limits{}) {
		opts.Limits = parse.DefaultLimits
	}
	if opts.Discover.MaxBytes == 0 {
		opts.Discover.MaxBytes = opts.Limits.MaxBytes
	}
	jobs := Jobs(opts.Jobs)
	s := &scanner{opts: opts, builder: &model.Builder{Schemas: schemas, Now: opts.Now}}
	if r, ok := opts.Engine.Rule(ParseErrorID); ok {
		s.parseRule = r
	} else {
		s.parseRule = rule.Rule{ID: ParseErrorID, Name: "ParseError", Severity: "high"}
	}

	files := make(chan discover.File, jobs*4)
	var walkErr error
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(files)
		walkErr = discover.Walk(opts.Paths, opts.Discover, func(f discover.File) error {
			select {
			case files <- f:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	parts := make([]*Result, jobs)
	var firstErr error
	var errOnce sync.Once
	for i := range jobs {
		parts[i] = &Result{}
		wg.Go(func() {
			for f := range files {
				if ctx.Err() != nil {
					continue // drain: the walker stops too
				}
				if err := s.file(ctx, f, parts[i]); err != nil {
					errOnce.Do(func() { firstErr = err; cancel() })
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := parent.Err(); err != nil {
		return nil, err // interrupted: no partial result
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return nil, walkErr
	}
	// merge into slices of the exact size, dropping each part as it is copied: findings
	// are most of what a large scan holds
	nf, na := 0, 0
	for _, p := range parts {
		nf, na = nf+len(p.Findings), na+len(p.Apps)
	}
	res := &Result{Findings: make([]report.Finding, 0, nf), Apps: make([]report.AppSummary, 0, na)}
	for i, p := range parts {
		res.Findings = append(res.Findings, p.Findings...)
		res.Errors = append(res.Errors, p.Errors...)
		res.Directives = append(res.Directives, p.Directives...)
		res.Apps = append(res.Apps, p.Apps...)
		res.Files += p.Files
		res.AppCount += p.AppCount
		parts[i] = nil
	}
	// External Client Apps are joined across files once every file is parsed.
	for _, app := range s.builder.ECAs(s.ecaDocs) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if contextOnly(app) {
			continue
		}
		if err := s.app(ctx, app, res); err != nil {
			return nil, err
		}
	}
	report.Sort(res.Findings)
	sortDirectives(res.Directives)
	sortApps(res.Apps)
	return res, nil
}

// contextOnly reports whether every file of an app was read only as context.
func contextOnly(app *model.App) bool {
	for _, d := range app.Docs {
		if !d.Context {
			return false
		}
	}
	return true
}

type scanner struct {
	opts      Options
	builder   *model.Builder
	parseRule rule.Rule
	mu        sync.Mutex
	ecaDocs   []*parse.Doc
	done      atomic.Int64
	// forceIgnored holds the documents .forceignore keeps out of deployments.
	forceIgnored sync.Map
}

// SecretRule reports whether a rule is about committed secrets (CAL3xx): the only rules
// that report on files .forceignore keeps out of deployments, which are still committed.
func SecretRule(id string) bool { return strings.HasPrefix(id, "CAL3") && len(id) == 6 }

func (s *scanner) file(ctx context.Context, f discover.File, res *Result) error {
	defer func() {
		if s.opts.Progress != nil {
			s.opts.Progress(int(s.done.Add(1)))
		}
	}()
	if !f.Context {
		res.Files++
	}
	doc, err := s.read(f)
	if err != nil && f.Context {
		return nil // a broken file nobody asked for is not this run's problem
	}
	if err != nil {
		var pe *parse.Error
		if !errors.As(err, &pe) {
			pe = &parse.Error{Path: f.Path, Msg: err.Error()}
		}
		// no tree to mask by: the line and message are shown only when no secret can be on it
		pe.Source, pe.Msg = s.builder.Names().ParseError(pe)
		res.Errors = append(res.Errors, report.FileError{File: f.Path, Line: pe.Line, Column: pe.Col, Message: pe.Msg})
		if !s.opts.Disabled[ParseErrorID] {
			res.Findings = append(res.Findings, s.parseFinding(f, pe))
		}
		return nil
	}
	doc.Occurrence = f.Occurrence
	if f.ForceIgnored {
		s.forceIgnored.Store(doc, true)
	}
	s.builder.MarkSecrets(doc)
	if f.Context {
		doc.Context = true
	} else {
		res.Directives = append(res.Directives, directives(doc)...)
	}
	if doc.Kind.Group == parse.GroupECA {
		s.mu.Lock()
		s.ecaDocs = append(s.ecaDocs, doc)
		s.mu.Unlock()
		return nil
	}
	return s.app(ctx, s.builder.Single(doc), res)
}

func (s *scanner) read(f discover.File) (*parse.Doc, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &parse.Error{Path: f.Path, Msg: "read: " + fserr.Cause(err).Error()}
	}
	defer rc.Close()
	return parse.Read(f.Path, f.Kind, io.Reader(rc), s.opts.Limits)
}

func (s *scanner) parseFinding(f discover.File, pe *parse.Error) report.Finding {
	line, col := pe.Line, pe.Col
	fnd := report.Finding{
		RuleID: ParseErrorID, Name: s.parseRule.Name, Severity: s.severity(s.parseRule, ""),
		Message: pe.Msg, File: f.Path, Line: line, Column: col, EndLine: line, EndColumn: col,
		AppType: f.Kind.Type, App: parse.FullName(f.Path),
	}
	fnd.Snippet, fnd.SnippetOffset = cutLine(pe.Source, col)
	fnd.Fingerprint = fingerprint.Of(ParseErrorID, f.Kind.Type, fnd.App, f.Kind.Key, "", pe.Msg)
	return fnd
}

func (s *scanner) severity(r rule.Rule, override string) string {
	if override != "" {
		return override
	}
	if sev := s.opts.Severity[r.ID]; sev != "" {
		return sev
	}
	return r.Severity
}

func (s *scanner) app(ctx context.Context, app *model.App, res *Result) error {
	res.AppCount++
	if s.opts.LeanApps {
		files := make([]string, len(app.Docs))
		for i, d := range app.Docs {
			files[i] = d.Path
		}
		res.Apps = append(res.Apps, report.AppSummary{Name: app.Name, Type: app.Type, Files: files})
	} else {
		res.Apps = append(res.Apps, Summarize(app))
	}
	vs, err := s.eval(ctx, app)
	if err != nil {
		return fmt.Errorf("app %s (%s): %w", app.Name, app.Docs[0].Path, err)
	}
	for _, v := range vs {
		rl, ok := s.opts.Engine.Rule(v.RuleID)
		if !ok {
			continue
		}
		ref := v.Ref
		if ref < 0 || ref >= len(app.Locs) {
			ref = app.Root
		}
		loc := app.Locs[ref]
		doc := app.Docs[loc.Doc]
		if doc.Context {
			continue // only the files asked for report findings
		}
		if _, ok := s.forceIgnored.Load(doc); ok && !SecretRule(v.RuleID) {
			continue // not deployed: only what it exposes by being committed counts
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		// messages, paths and source lines repeat across apps: findings share one copy
		// secrets are hidden in the source by their ranges, and in messages (a custom rule
		// may quote one) by their values
		f := report.Finding{
			RuleID: v.RuleID, Name: rl.Name, Severity: s.severity(rl, v.Severity), Message: intern(app.Secrets.Mask(v.Msg)),
			File: doc.Path, Line: loc.Start.Line, Column: loc.Start.Col, EndLine: loc.End.Line, EndColumn: loc.End.Col,
			App: app.Name, AppType: app.Type, Path: intern(loc.Path),
		}
		line, offset := snippet(doc, loc)
		f.Snippet, f.SnippetOffset = intern(app.Secrets.Mask(line)), offset
		value := ""
		if loc.Repeated {
			value = app.Secrets.Mask(loc.Value)
		}
		f.Fingerprint = fingerprint.Of(v.RuleID, app.Type, app.Name, doc.Kind.Key, fingerprint.ElementPath(loc.Path), value+"\x00"+v.Key)
		res.Findings = append(res.Findings, f)
	}
	return nil
}

// eval evaluates the app's input and each of its variants (one per further occurrence of a
// duplicated element or file), so a duplicate never hides a finding, and unions the
// violations without repeating one.
func (s *scanner) eval(ctx context.Context, app *model.App) ([]engine.Violation, error) {
	vs, err := s.opts.Engine.Eval(ctx, app.Input)
	if err != nil || len(app.Variants) == 0 {
		return vs, err
	}
	seen := make(map[engine.Violation]bool, len(vs))
	for _, v := range vs {
		seen[v] = true
	}
	for _, in := range app.Variants {
		more, err := s.opts.Engine.Eval(ctx, in)
		if err != nil {
			return nil, err
		}
		for _, v := range more {
			if !seen[v] {
				seen[v] = true
				vs = append(vs, v)
			}
		}
	}
	return vs, nil
}

// intern returns the canonical copy of s.
func intern(s string) string { return unique.Make(s).Value() }

var directiveRe = regexp.MustCompile(`^\s*calint:`)

// directives finds the calint comments of a file with the element each covers. A comment
// that precedes no element (e.g. right before an end tag) is an Orphan that covers nothing.
func directives(doc *parse.Doc) []Directive {
	if !bytes.Contains(doc.Src, []byte("calint:")) {
		return nil
	}
	var out []Directive
	attached := map[int]bool{}
	commentEnd := func(off, textLen int) parse.Pos {
		if i := bytes.Index(doc.Src[off:], []byte("-->")); i >= 0 {
			return doc.Pos(off + i + len("-->"))
		}
		return doc.Pos(off + len("<!--") + textLen + len("-->"))
	}
	newDirective := func(c parse.Comment) Directive {
		end := commentEnd(c.Start.Off, len(c.Text))
		return Directive{File: doc.Path, Line: c.Start.Line, Column: c.Start.Col, Text: strings.TrimSpace(c.Text),
			CommentEndLine: end.Line, CommentEndColumn: end.Col, Snippet: redact.Line(doc, c.Start.Line)}
	}
	add := func(c parse.Comment, n *parse.Node) {
		if !directiveRe.MatchString(c.Text) {
			return
		}
		attached[c.Start.Off] = true
		d := newDirective(c)
		d.StartLine, d.EndLine, d.Path = n.Start.Line, n.End.Line, n.Path()
		if n.Parent == nil {
			d.StartLine, d.EndLine, d.Path = 1, 1<<30, ""
		}
		out = append(out, d)
	}
	var walk func(n *parse.Node)
	walk = func(n *parse.Node) {
		for _, c := range n.Comments {
			add(c, n)
		}
		for _, c := range n.Trailing {
			add(c, n)
		}
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	walk(doc.Root)
	// comments the tree does not hold: before an end tag, after the root
	for off := 0; ; {
		i := bytes.Index(doc.Src[off:], []byte("<!--"))
		if i < 0 {
			break
		}
		off += i
		body := doc.Src[off+len("<!--"):]
		if j := bytes.Index(body, []byte("-->")); j >= 0 {
			body = body[:j]
		}
		if !attached[off] && directiveRe.Match(body) {
			d := newDirective(parse.Comment{Text: string(body), Start: doc.Pos(off)})
			d.Orphan = true
			out = append(out, d)
		}
		off += len("<!--") + len(body)
	}
	return out
}
