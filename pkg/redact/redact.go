// Package redact hides secrets in everything a report shows. It works from the document's
// structure, not from text patterns: the model records which byte ranges of a file hold a
// secret (the content of every element the schema declares `secret`, URL credentials), and
// every source line is shown with those ranges hidden. Messages are masked against the
// decoded values of the same ranges, so even a custom rule that quotes a secret prints none of
// it. A file that does not parse has no structure to trust: its source line is shown only when
// nothing on it or around it can be a secret.
package redact

import (
	"strconv"
	"strings"

	"github.com/calint/calint/pkg/parse"
)

// Hidden replaces a secret wherever one would be shown.
const Hidden = "[hidden]"

// Line returns the text of a 1-based line of d, without its line break, with every secret
// range of d hidden. Its cost is linear in the line's length.
func Line(d *parse.Doc, n int) string {
	start, end, ok := d.LineSpan(n)
	if !ok {
		return ""
	}
	return Slice(d, start, end)
}

// Slice returns d.Src[start:end] with every secret range hidden (a secret cut by either end
// is hidden as a whole). Its cost is linear in end-start plus a binary search.
func Slice(d *parse.Doc, start, end int) string {
	start, end = max(0, start), min(len(d.Src), end)
	if start >= end {
		return ""
	}
	secrets := d.Secrets
	// the first range that ends after start
	lo, hi := 0, len(secrets)
	for lo < hi {
		mid := (lo + hi) / 2
		if secrets[mid].End <= start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(secrets) || secrets[lo].Start >= end {
		return string(d.Src[start:end])
	}
	var b strings.Builder
	b.Grow(end - start)
	at := start
	for _, s := range secrets[lo:] {
		if s.Start >= end {
			break
		}
		if s.Start > at {
			b.Write(d.Src[at:s.Start])
		}
		b.WriteString(Hidden)
		at = max(at, s.End)
	}
	if at < end {
		b.Write(d.Src[at:end])
	}
	return b.String()
}

// Length describes a secret by its length only, e.g. "(hidden, 40 characters)".
func Length(s string) string {
	n := 0
	for range s {
		n++
	}
	if n == 1 {
		return "(hidden, 1 character)"
	}
	return "(hidden, " + strconv.Itoa(n) + " characters)"
}
