package e2e

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/calint/calint/internal/cli"
)

// hostileName is an app (file) name that is markup; escaped, it loads nothing.
const hostileName = "<img src=x onerror=alert(1)>"

// chromiumFlags start Debian's Chromium headless on a machine without network, display
// or D-Bus (see the machine notes): no sandbox as root, no GPU, no background traffic.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-extensions", "--hide-scrollbars",
	// console messages (CSP violations, failed loads, script errors) go to stderr
	"--enable-logging=stderr", "--v=0",
}

// consoleRe matches a console message in Chromium's log. The page runs no script, so any
// message means something went wrong (a blocked load, an error).
var consoleRe = regexp.MustCompile(`(?m)^.*:CONSOLE[(:].*$`)

// TestHTMLReportInChromium renders the HTML report of the example project in headless
// Chromium: as DOM, as a screenshot and printed to PDF. It fails on a blank page and on
// any console message.
func TestHTMLReportInChromium(t *testing.T) {
	long(t)
	chromium := need(t, "chromium", "chromium-browser", "google-chrome")
	root := repoRoot(t)
	dir := t.TempDir()
	// the example project, plus an app whose name is markup: it must stay text
	project := filepath.Join(dir, "project")
	if err := os.CopyFS(project, os.DirFS(filepath.Join(root, "testdata", "example"))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(project, "force-app", "main", "default", "connectedApps", hostileName+".connectedApp-meta.xml"),
		strings.Replace(fullCA, "<label>Risky</label>", "<label>&lt;b&gt;x&lt;/b&gt;</label>", 1))
	report := filepath.Join(dir, "report.html")
	var stderr bytes.Buffer
	code := cli.Run(context.Background(), []string{"scan", "-f", "html", "-o", report, "--fail-on", "never", project},
		cli.Env{Stdout: &stderr, Stderr: &stderr, Getenv: func(string) string { return "" }})
	if code != 0 {
		t.Fatalf("scan exit %d: %s", code, stderr.String())
	}
	url := "file://" + filepath.ToSlash(report)

	browse := func(args ...string) string {
		t.Helper()
		all := append(append(append([]string{}, chromiumFlags...), "--user-data-dir="+t.TempDir()), args...)
		r := run(t, 2*time.Minute, dir, []string{"HOME=" + t.TempDir()}, chromium, append(all, url)...)
		if r.code != 0 {
			t.Fatalf("chromium %s: exit %d\n%s", strings.Join(args, " "), r.code, r.out)
		}
		if msgs := consoleRe.FindAllString(r.out, -1); len(msgs) > 0 {
			t.Errorf("console messages while rendering (%s):\n%s", strings.Join(args, " "), strings.Join(msgs, "\n"))
		}
		return r.out
	}

	// DOM: the page rendered with its sections, cards and charts
	dom := browse("--dump-dom")
	for _, want := range []string{"calint security review", `id="chart-severity"`, `id="chart-rules"`, "CAL101", "Postman", "Acme_Sync", "ETL_Warehouse", "How to fix",
		`id="scan-meta"`, `id="top-risks"`, `<table class="matrix">`, "admin@acme.example"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	if n := strings.Count(dom, `<article class="card`); n != 4 {
		t.Errorf("rendered DOM has %d app cards, want 4", n)
	}
	if strings.Contains(dom, "<img") || !strings.Contains(dom, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("an app name became markup")
	}
	if strings.Contains(dom, "9F3C1A0B7D2E4F6A8B0C2D4E6F8A0B1C") {
		t.Error("the example's consumer secret is in the page")
	}

	// screenshot: not blank
	shot := filepath.Join(dir, "shot.png")
	browse("--window-size=1280,1600", "--screenshot="+shot)
	checkNotBlank(t, shot)

	// print: a PDF with content
	pdf := filepath.Join(dir, "report.pdf")
	browse("--no-pdf-header-footer", "--print-to-pdf="+pdf)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 20_000 {
		t.Errorf("print to PDF: %d bytes, header %q", len(b), b[:min(len(b), 8)])
	}
}

// checkNotBlank fails when a screenshot is (almost) one colour.
func checkNotBlank(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() < 800 || b.Dy() < 600 {
		t.Fatalf("screenshot is %dx%d", b.Dx(), b.Dy())
	}
	colors := map[[3]uint32]int{}
	total := 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colors[[3]uint32{r >> 8, g >> 8, bl >> 8}]++
			total++
		}
	}
	most := 0
	for _, n := range colors {
		most = max(most, n)
	}
	if len(colors) < 16 || most > total*95/100 {
		t.Errorf("screenshot looks blank: %d colours, the commonest covers %d of %d samples", len(colors), most, total)
	}
}
