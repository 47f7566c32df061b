package report

import (
	"encoding/json"
	"io"
)

type jsonReport struct {
	Version  string      `json:"version"`
	Summary  Summary     `json:"summary"`
	Findings []Finding   `json:"findings"`
	Errors   []FileError `json:"errors"`
}

// JSON writes one object: version, summary, findings (suppressed ones included, marked)
// and errors.
func JSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: r.Version, Summary: r.Summary, Findings: r.Findings, Errors: r.Errors}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	if out.Errors == nil {
		out.Errors = []FileError{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
