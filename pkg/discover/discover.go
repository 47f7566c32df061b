// Package discover finds the metadata files to scan: in directories (honouring
// sfdx-project.json package directories, .forceignore and the usual skipped folders), in
// Metadata API retrieve zips, named explicitly, or on standard input.
package discover

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	ignore "github.com/sabhiram/go-gitignore"

	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/parse"
)

// File is one metadata file to scan.
type File struct {
	// Path is the display path: relative to the working directory where possible,
	// slash-separated; a file inside a zip is "archive.zip!inner/path".
	Path string
	// Kind is the recognised metadata kind.
	Kind parse.Kind
	// Open returns the file's content, at most limit+1 bytes of it.
	Open func() (io.ReadCloser, error)
	// Context is set for an External Client App file that was not asked for but belongs
	// to the project of an explicitly named one: it is read so that the app is joined
	// whole (pre-commit passes only the changed files), and reports nothing itself.
	Context bool
	// Occurrence counts the earlier entries of the same name in a zip (0 for the first):
	// unzip keeps the last, a reader of the archive may see any, so each is scanned.
	Occurrence int
}

// Options configure discovery.
type Options struct {
	// Exclude holds doublestar globs matched against display paths.
	Exclude []string
	// Stdin is read for the path "-"; StdinFilename names it (its suffix gives the kind).
	Stdin         io.Reader
	StdinFilename string
	// MaxBytes bounds a zip entry's uncompressed size.
	MaxBytes int64
}

// skipDirs are never walked.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".sf": true, ".sfdx": true}

// Walk calls fn for every metadata file under paths, in a stable order. A path that does
// not exist, an unreadable directory or a bad zip is an error; Walk stops at the first.
func Walk(paths []string, opts Options, fn func(File) error) error {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cwd, _ := os.Getwd()
	w := &walker{opts: opts, cwd: cwd, fn: fn, seenDirs: map[string]bool{}}
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return err
		}
	}
	return w.ecaContext()
}

// ecaContext emits, as context, the External Client App files of the projects of
// explicitly named ECA files: an app's header and its other parts live in other files,
// and rules need the whole app.
func (w *walker) ecaContext() error {
	roots := map[string]bool{}
	var order []string
	for _, p := range w.explicitECA {
		r := projectRoot(p)
		if !roots[r] {
			roots[r] = true
			order = append(order, r)
		}
	}
	for _, root := range order {
		cw := &walker{opts: w.opts, cwd: w.cwd, seenDirs: map[string]bool{}, seenFile: w.seenFile, fn: func(f File) error {
			if f.Kind.Suffix == "connectedApp" {
				return nil
			}
			f.Context = true
			return w.fn(f)
		}}
		if err := cw.project(root); err != nil {
			return err
		}
	}
	return nil
}

// projectRoot is the nearest directory above p that holds sfdx-project.json, else the
// directory that holds p's metadata folder (e.g. force-app/main/default).
func projectRoot(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Dir(filepath.Dir(p))
	}
	for dir := filepath.Dir(abs); ; {
		if _, err := os.Stat(filepath.Join(dir, "sfdx-project.json")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return filepath.Dir(filepath.Dir(abs))
}

type walker struct {
	opts     Options
	cwd      string
	fn       func(File) error
	seenDirs map[string]bool
	seenFile map[string]bool
	// explicitECA are External Client App files named on the command line.
	explicitECA []string
}

func (w *walker) display(p string) string {
	abs, err := filepath.Abs(p)
	if err == nil && w.cwd != "" {
		if rel, err := filepath.Rel(w.cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

func (w *walker) excluded(display string) bool {
	for _, g := range w.opts.Exclude {
		if ok, _ := doublestar.Match(g, display); ok {
			return true
		}
	}
	return false
}

func (w *walker) emit(f File) error {
	if w.seenFile == nil {
		w.seenFile = map[string]bool{}
	}
	if (w.seenFile[f.Path] && f.Occurrence == 0) || w.excluded(f.Path) {
		return nil
	}
	w.seenFile[f.Path] = true
	return w.fn(f)
}

func (w *walker) path(p string) error {
	if p == "-" {
		name := w.opts.StdinFilename
		if name == "" {
			return errors.New("reading standard input needs --stdin-filename NAME (its suffix gives the metadata type)")
		}
		kind, _, ok := parse.KindOf(name)
		if !ok {
			return fmt.Errorf("--stdin-filename %s: not a recognised metadata file suffix", name)
		}
		in := w.opts.Stdin
		return w.fn(File{Path: filepath.ToSlash(name), Kind: kind, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(in), nil
		}})
	}
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("path %s: %w", p, fserr.Cause(err))
	}
	if info.IsDir() {
		return w.project(p)
	}
	if strings.EqualFold(filepath.Ext(p), ".zip") {
		return w.zip(p)
	}
	// named explicitly: scanned when recognised, silently skipped otherwise
	kind, _, ok := parse.KindOf(p)
	if !ok {
		return nil
	}
	if kind.Suffix != "connectedApp" {
		w.explicitECA = append(w.explicitECA, p)
	}
	return w.emit(w.file(p, kind))
}

func (w *walker) file(p string, kind parse.Kind) File {
	return File{Path: w.display(p), Kind: kind, Open: func() (io.ReadCloser, error) { return os.Open(p) }}
}

type sfdxProject struct {
	PackageDirectories []struct {
		Path string `json:"path"`
	} `json:"packageDirectories"`
}

// project walks a directory: its sfdx-project.json package directories when there is
// one, else the whole tree.
func (w *walker) project(dir string) error {
	ign := loadForceignore(dir)
	roots := []string{dir}
	if b, err := os.ReadFile(filepath.Join(dir, "sfdx-project.json")); err == nil {
		var proj sfdxProject
		if json.Unmarshal(b, &proj) == nil && len(proj.PackageDirectories) > 0 {
			roots = roots[:0]
			for _, pd := range proj.PackageDirectories {
				if pd.Path == "" {
					continue
				}
				r := filepath.Join(dir, filepath.FromSlash(pd.Path))
				if _, err := os.Stat(r); err != nil {
					continue // sf itself fails here; calint scans the rest
				}
				roots = append(roots, r)
			}
		}
	}
	for _, r := range roots {
		if err := w.tree(dir, r, ign); err != nil {
			return err
		}
	}
	return nil
}

func loadForceignore(dir string) *ignore.GitIgnore {
	b, err := os.ReadFile(filepath.Join(dir, ".forceignore"))
	if err != nil {
		return nil
	}
	return ignore.CompileIgnoreLines(strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")...)
}

// tree walks root, following directory symlinks once each (so loops end).
func (w *walker) tree(projectDir, root string, ign *ignore.GitIgnore) error {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("path %s: %w", root, fserr.Cause(err))
	}
	if w.seenDirs[real] {
		return nil
	}
	w.seenDirs[real] = true
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("read directory %s: %w", root, fserr.Cause(err))
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		isDir := e.IsDir()
		regular := e.Type().IsRegular()
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				continue // dangling symlink
			}
			isDir, regular = st.IsDir(), st.Mode().IsRegular()
		}
		if !isDir && !regular {
			continue // pipes, sockets and devices are never metadata (and a pipe would block)
		}
		if ign != nil {
			if rel, err := filepath.Rel(projectDir, p); err == nil {
				rel = filepath.ToSlash(rel)
				if isDir {
					rel += "/"
				}
				if ign.MatchesPath(rel) {
					continue
				}
			}
		}
		if isDir {
			if skipDirs[e.Name()] {
				continue
			}
			if err := w.tree(projectDir, p, ign); err != nil {
				return err
			}
			continue
		}
		kind, _, ok := parse.KindOf(e.Name())
		if !ok {
			continue
		}
		if err := w.emit(w.file(p, kind)); err != nil {
			return err
		}
	}
	return nil
}

// zip emits every recognised entry of a Metadata API retrieve zip.
func (w *walker) zip(p string) error {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return fmt.Errorf("zip %s: %w", p, err)
	}
	// the reader stays open for the run: entries are opened lazily
	display := w.display(p)
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	occurrences := map[string]int{}
	for _, zf := range files {
		if zf.FileInfo().IsDir() {
			continue
		}
		kind, _, ok := parse.KindOf(zf.Name)
		if !ok {
			continue
		}
		name := strings.TrimPrefix(filepath.ToSlash(zf.Name), "/")
		err := w.emit(File{Path: display + "!" + name, Kind: kind, Occurrence: occurrences[name], Open: func() (io.ReadCloser, error) {
			return zf.Open()
		}})
		occurrences[name]++
		if err != nil {
			return err
		}
	}
	return nil
}
