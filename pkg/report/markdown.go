package report

import (
	"fmt"
	"io"
	"strings"
)

// MarkdownMaxRows bounds the findings table of a Markdown report, so that it fits in a
// pull-request comment (GitHub allows 65536 characters).
const MarkdownMaxRows = 100

// MarkdownMarker is the first line of a Markdown report: a hidden comment that bots can
// look for to update their previous comment instead of adding one.
const MarkdownMarker = "<!-- calint-report -->"

var mdSeverityIcon = map[string]string{"critical": "🟣", "high": "🔴", "medium": "🟠", "low": "🟡", "info": "🔵"}

// Markdown writes a pull-request comment: the gate's verdict, totals by severity, a table
// of the unsuppressed findings worst first with relative file:line links, the suppressed
// and baselined counts (inline and config suppressions listed with their reasons) and the
// errors. The output depends only on the report (no time), so it can be compared.
func Markdown(w io.Writer, r *Report) error {
	bw := &errWriter{w: w}
	s := r.Summary
	active := r.Active()
	SortWorstFirst(active)

	bw.printf("%s\n## calint: %d %s\n\n", MarkdownMarker, len(active), plural(len(active), "finding", "findings"))
	switch {
	case len(r.Errors) > 0:
		bw.printf("❌ **%d %s could not be scanned** (exit 2).\n\n", len(r.Errors), plural(len(r.Errors), "input", "inputs"))
	case s.Failed:
		bw.printf("❌ **Failed:** findings at or above `%s`.\n\n", s.FailOn)
	case s.FailOn == "never" || s.FailOn == "":
		bw.printf("ℹ️ No gate (`--fail-on never`).\n\n")
	default:
		bw.printf("✅ **Passed:** no finding at or above `%s`.\n\n", s.FailOn)
	}

	bw.printf("| Severity | Findings |\n|---|---:|\n")
	for _, sev := range []string{"critical", "high", "medium", "low", "info"} {
		bw.printf("| %s %s | %d |\n", mdSeverityIcon[sev], sev, count(active, sev))
	}
	bw.printf("\n%d %s and %d %s scanned", s.Files, plural(s.Files, "file", "files"), s.Apps, plural(s.Apps, "app", "apps"))
	var extra []string
	if s.NewSince != "" {
		extra = append(extra, fmt.Sprintf("new since `%s`: %d already there, %d fixed", strings.ReplaceAll(s.NewSince, "`", ""), s.Preexisting, s.FixedSince))
	}
	if s.Suppressed > 0 {
		extra = append(extra, fmt.Sprintf("%d suppressed", s.Suppressed))
	}
	if s.Baselined > 0 {
		extra = append(extra, fmt.Sprintf("%d in the baseline", s.Baselined))
	}
	if s.Fixed > 0 {
		extra = append(extra, fmt.Sprintf("%d baseline %s fixed", s.Fixed, plural(s.Fixed, "entry", "entries")))
	}
	if len(extra) > 0 {
		bw.printf("; %s", strings.Join(extra, ", "))
	}
	bw.printf(".\n")

	if len(active) > 0 {
		bw.printf("\n| Severity | Rule | Location | App | Message |\n|---|---|---|---|---|\n")
		for i, f := range active {
			if i == MarkdownMaxRows {
				bw.printf("\n… and %d more: see the full report (`calint -f sarif` or `-f json`).\n", len(active)-i)
				break
			}
			bw.printf("| %s %s | %s | %s | %s | %s |\n", mdSeverityIcon[f.Severity], f.Severity,
				mdText(f.RuleID+" "+f.Name), mdLink(f), mdText(f.App), mdText(f.Message))
		}
	}

	var own []Finding
	for _, f := range r.Findings {
		if f.Suppressed && f.Suppression != nil && f.Suppression.Kind != "baseline" {
			own = append(own, f)
		}
	}
	if len(own) > 0 {
		bw.printf("\n<details><summary>%d suppressed %s</summary>\n\n", len(own), plural(len(own), "finding", "findings"))
		bw.printf("| Rule | Location | Kind | Reason | Expires |\n|---|---|---|---|---|\n")
		for i, f := range own {
			if i == MarkdownMaxRows {
				bw.printf("\n… and %d more.\n", len(own)-i)
				break
			}
			bw.printf("| %s | %s | %s | %s | %s |\n", mdText(f.RuleID+" "+f.Name), mdLink(f),
				f.Suppression.Kind, mdText(f.Suppression.Reason), mdText(f.Suppression.Expires))
		}
		bw.printf("\n</details>\n")
	}

	if len(r.Errors) > 0 {
		bw.printf("\n### Errors\n\n")
		for _, e := range r.Errors {
			bw.printf("- %s\n", mdText(e.String()))
		}
	}
	bw.printf("\n<sub>calint %s</sub>\n", mdText(r.Version))
	return bw.err
}

func count(fs []Finding, sev string) int {
	n := 0
	for _, f := range fs {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

func lessFinding(a, b Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	return a.Message < b.Message
}

// mdLink is a relative link to the finding's line: [file:line](file#Lline).
func mdLink(f Finding) string {
	outer, _, _ := strings.Cut(f.File, "!")
	text := f.File
	target := fileURI(outer)
	if f.Line > 0 {
		text += fmt.Sprintf(":%d", f.Line)
		if outer == f.File {
			target += fmt.Sprintf("#L%d", f.Line)
		}
	}
	return "[" + mdText(text) + "](" + strings.NewReplacer("(", "%28", ")", "%29").Replace(target) + ")"
}

// mdText escapes text for a Markdown table cell or list item: no formatting, links, HTML,
// mentions, line breaks or control characters can come from it.
var mdTextEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`,
	"#", `\#`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "@", "&#64;",
	"\r\n", " ", "\n", " ", "\r", " ",
)

func mdText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, mdTextEscaper.Replace(s))
}
