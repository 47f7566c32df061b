package scan

import (
	"unicode/utf8"

	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
)

// MaxSnippet bounds the bytes of source shown with a finding. A longer line (a file
// written on one line) is shown as the element's part of it, with some context, between
// "…": so the work and the report grow with the number of findings, not with findings
// times the line's length.
const MaxSnippet = 240

// snippetContext is the context kept on each side of the element in a cut line.
const snippetContext = 60

// snippet returns the source line of loc's start with secrets hidden, cut to the element's
// part when the line is long, and what to subtract from loc's columns to get columns of
// the snippet (hidden secrets and the cut shift them).
func snippet(doc *parse.Doc, loc model.Loc) (string, int) {
	start, end, ok := doc.LineSpan(loc.Start.Line)
	if !ok {
		return "", 0
	}
	at := min(max(loc.Start.Off, start), end)
	from, to := start, end
	if end-start > MaxSnippet {
		elEnd := end
		if loc.End.Line == loc.Start.Line {
			elEnd = min(max(loc.End.Off, at), end)
		}
		from = max(start, at-snippetContext)
		to = min(end, elEnd+snippetContext, from+MaxSnippet)
		for from > start && !utf8.RuneStart(doc.Src[from]) {
			from--
		}
		for to < end && !utf8.RuneStart(doc.Src[to]) {
			to++
		}
	}
	before := redact.Slice(doc, from, at)
	s := before + redact.Slice(doc, at, to)
	col := utf8.RuneCountInString(before) + 1
	if from > start {
		s = "…" + s
		col++
	}
	if to < end {
		s += "…"
	}
	return s, loc.Start.Col - col
}

// cutLine is snippet for a line of text already extracted (a parse error's source line),
// cut around the 1-based column col.
func cutLine(line string, col int) (string, int) {
	if len(line) <= MaxSnippet {
		return line, 0
	}
	// byte offset of col
	at := 0
	for i := 1; i < col && at < len(line); i++ {
		_, w := utf8.DecodeRuneInString(line[at:])
		at += w
	}
	from := max(0, at-snippetContext)
	to := min(len(line), from+MaxSnippet)
	for from > 0 && !utf8.RuneStart(line[from]) {
		from--
	}
	for to < len(line) && !utf8.RuneStart(line[to]) {
		to++
	}
	s, offset := line[from:to], 0
	if from > 0 {
		s = "…" + s
		offset = utf8.RuneCountInString(line[:from]) - 1
	}
	if to < len(line) {
		s += "…"
	}
	return s, offset
}
