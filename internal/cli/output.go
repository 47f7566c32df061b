package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/report"
)

// output is one report a scan writes: a file (atomically) or standard output.
type output struct {
	path   string // "" for standard output
	format string
	write  report.Writer
}

// formatByExtension maps a report file's extension to its format.
var formatByExtension = map[string]string{
	".sarif": "sarif", ".json": "json", ".xml": "junit", ".md": "markdown", ".markdown": "markdown",
	".html": "html", ".htm": "html", ".txt": "text",
}

// formatOf is the format of a report file named path: from its extension (.sarif.json is
// SARIF), else def.
func formatOf(path, def string) string {
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".sarif.json") {
		return "sarif"
	}
	if f, ok := formatByExtension[filepath.Ext(lower)]; ok {
		return f
	}
	return def
}

// planOutputs turns the -o flags into outputs: each file's format is -f when given, else
// its extension's (text when unknown); "-" and no -o at all mean standard output. An
// output may not be named twice nor be a scanned input.
func planOutputs(files []string, format string, paths []string) ([]output, error) {
	if len(files) == 0 {
		files = []string{"-"}
	}
	seen := map[string]bool{}
	var outs []output
	for _, p := range files {
		o := output{format: format}
		if p != "-" {
			o.path = p
			if o.format == "" {
				o.format = formatOf(p, "text")
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				return nil, usagef("--output %s: %s", p, err)
			}
			if seen[abs] {
				return nil, usagef("--output %s is given twice", p)
			}
			seen[abs] = true
			if onInput(abs, paths) {
				return nil, usagef("--output %s would overwrite a scanned input", p)
			}
		} else if seen["-"] {
			return nil, usagef("--output - (standard output) is given twice")
		} else {
			seen["-"] = true
		}
		if o.format == "" {
			o.format = "text"
		}
		w, err := report.WriterFor(o.format)
		if err != nil {
			return nil, usagef("--format: %s", err)
		}
		o.write = w
		outs = append(outs, o)
	}
	return outs, nil
}

// onInput reports whether the file abs is one of the scan's inputs: a PATH itself, or a
// metadata file (or retrieve .zip) inside a PATH directory.
func onInput(abs string, paths []string) bool {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		pa, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if pa == abs {
			return true
		}
		if st, err := os.Stat(pa); err == nil && st.IsDir() {
			rel, err := filepath.Rel(pa, abs)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue
			}
			if _, _, ok := parse.KindOf(abs); ok || strings.EqualFold(filepath.Ext(abs), ".zip") {
				return true
			}
		}
	}
	return false
}

// writeOutputs writes every report, a failure to write one not stopping the others, and
// returns where they went, for the verdict.
func writeOutputs(outs []output, rep *report.Report, stdout io.Writer, color bool) ([]string, error) {
	var where []string
	var errs []error
	for _, o := range outs {
		if o.path == "" {
			rep.Color = color && o.format == "text"
			if err := o.write(stdout, rep); err != nil {
				errs = append(errs, err)
				continue
			}
			where = append(where, "stdout")
			continue
		}
		rep.Color = false
		if err := report.WriteFile(o.path, func(w io.Writer) error { return o.write(w, rep) }); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", o.path, err))
			continue
		}
		where = append(where, displayPath(o.path))
	}
	return where, errors.Join(errs...)
}
