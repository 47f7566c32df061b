// Package discover finds the metadata files to scan: in directories (the whole tree, with
// sfdx-project.json checked and .forceignore honoured as docs/discovery.md says, skipping
// the usual tool folders), in Metadata API retrieve zips, named explicitly, or on standard
// input. Links are followed only inside the scan root.
package discover

import (
	"archive/zip"
	"bytes"
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
	"github.com/calint/calint/pkg/repo"
	"github.com/calint/calint/pkg/sidefile"
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
	// ForceIgnored is set for a file that .forceignore keeps out of deployments: it is
	// still committed, so only secret rules report on it (docs/discovery.md).
	ForceIgnored bool
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
	// Note, when set, receives remarks for the user (stderr): links not followed,
	// mis-cased suffixes, a scan that found no metadata file.
	Note func(string)
}

// skipDirs are never walked.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".sf": true, ".sfdx": true}

// Walk calls fn for every metadata file under paths, in a stable order. A path that does
// not exist, an unreadable directory, a bad zip or a bad sfdx-project.json is an error;
// Walk stops at the first. When directories or zips were searched and no metadata file
// was found, Walk says so through opts.Note.
func Walk(paths []string, opts Options, fn func(File) error) error {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cwd, _ := os.Getwd()
	w := &walker{opts: opts, cwd: cwd, seenDirs: map[string]bool{}}
	w.fn = func(f File) error {
		if !f.Context {
			w.found++
		}
		return fn(f)
	}
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return err
		}
	}
	if err := w.ecaContext(); err != nil {
		return err
	}
	if w.found == 0 && len(w.searched) > 0 {
		msg := fmt.Sprintf("no metadata files found in %s (calint looks for files named by their metadata suffix, e.g. *.connectedApp-meta.xml, *.eca-meta.xml; see 'calint help')", strings.Join(w.searched, ", "))
		if w.excluded > 0 {
			msg += fmt.Sprintf("; %d excluded by the config's exclude", w.excluded)
		}
		w.note(msg)
	}
	return nil
}

func (w *walker) note(msg string) {
	if w.opts.Note != nil {
		w.opts.Note(msg)
	}
}

// ecaContext emits, as context, the External Client App files of the projects of
// explicitly named ECA files: an app's header and its other parts live in other files,
// and rules need the whole app.
func (w *walker) ecaContext() error {
	roots := map[string]bool{}
	var order []string
	for _, p := range w.explicitECA {
		r := projectRoot(p)
		if r != "" && !roots[r] {
			roots[r] = true
			order = append(order, r)
		}
	}
	for _, root := range order {
		cw := &walker{opts: w.opts, cwd: w.cwd, seenDirs: map[string]bool{}, seenFile: w.seenFile, fn: func(f File) error {
			if f.Kind.Group != parse.GroupECA {
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

// projectRoot is the directory whose External Client App files complete those of p: the
// nearest directory above p holding sfdx-project.json, not above p's repository root;
// else that repository root; else, outside any repository, the folder above p's metadata
// folder when p sits in one (e.g. externalClientApps/); else "" (no context), so a file
// named directly never joins apps from a sibling repository.
func projectRoot(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Dir(p)
	}
	dir := filepath.Dir(abs)
	root := repo.Root(dir)
	if d := repo.Up(dir, root, func(d string) bool { return isFile(filepath.Join(d, "sfdx-project.json")) }); d != "" && root != "" {
		return d
	}
	if root != "" {
		return root
	}
	if ecaFolder(filepath.Base(dir)) {
		return filepath.Dir(dir)
	}
	return ""
}

// ecaFolder reports whether a folder name is a Metadata API folder of External Client App
// parts (externalClientApps, extlClntAppOauthSettings, extlClntAppGlobalOauthSets, ...).
func ecaFolder(name string) bool {
	return name == "externalClientApps" || strings.HasPrefix(name, "extlClntApp")
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

type walker struct {
	opts     Options
	cwd      string
	fn       func(File) error
	seenDirs map[string]bool
	seenFile map[string]bool
	// explicitECA are External Client App files named on the command line.
	explicitECA []string
	// found counts the files emitted (not context); searched lists the directories and
	// zips searched; excluded counts files dropped by the config's exclude.
	found    int
	searched []string
	excluded int
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

func (w *walker) isExcluded(display string) bool {
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
	if w.seenFile[f.Path] && f.Occurrence == 0 {
		return nil
	}
	if w.isExcluded(f.Path) {
		w.excluded++
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
	isZip := strings.EqualFold(filepath.Ext(p), ".zip")
	kind, _, ok := parse.KindOf(p)
	if !isZip && !ok {
		// named explicitly: scanned when recognised, silently skipped otherwise (pre-commit
		// passes lists of names), unless only the suffix's case is wrong
		w.miscased(w.display(p))
		return nil
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("path %s: not a regular file (devices, pipes and sockets are never read)", p)
	}
	if outside := w.explicitLinkOutside(p); outside {
		if isZip {
			return fmt.Errorf("zip %s: %w", p, ErrLinkOutside)
		}
		return w.emit(w.refused(p, kind))
	}
	if isZip {
		return w.zip(p)
	}
	if kind.Group == parse.GroupECA {
		w.explicitECA = append(w.explicitECA, p)
	}
	return w.emit(w.file(p, kind))
}

// ErrLinkOutside is the read error of a metadata-named link whose target lies outside the
// scan root: it is never read, and its target is never shown.
var ErrLinkOutside = errors.New("a symbolic link to outside the scan root: not followed")

// explicitLinkOutside reports whether p, named on the command line, is a link whose target
// lies outside p's repository (outside any repository: outside p's folder).
func (w *walker) explicitLinkOutside(p string) bool {
	lst, err := os.Lstat(p)
	if err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return true
	}
	base := repo.Root(filepath.Dir(abs))
	if base == "" {
		base = filepath.Dir(abs)
	}
	return !inside(p, base)
}

// inside reports whether the target of path p (links resolved) lies in dir (resolved).
func inside(p, dir string) bool {
	target, err1 := filepath.EvalSymlinks(p)
	realDir, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	return repo.Within(target, realDir)
}

// refused is a metadata file that is never read: reading it reports ErrLinkOutside.
func (w *walker) refused(p string, kind parse.Kind) File {
	return File{Path: w.display(p), Kind: kind, Open: func() (io.ReadCloser, error) { return nil, ErrLinkOutside }}
}

// miscased notes a file whose name would be recognised but for the case of its suffix:
// the Salesforce CLI matches suffixes exactly, so such a file is not metadata to it.
// display is the file's display path.
func (w *walker) miscased(display string) {
	w.miscasedName(display[strings.LastIndexAny(display, `/\!`)+1:], func() string { return display })
}

func (w *walker) miscasedName(name string, display func() string) {
	base := name
	if len(base) > len("-meta.xml") && strings.EqualFold(base[len(base)-len("-meta.xml"):], "-meta.xml") {
		base = base[:len(base)-len("-meta.xml")]
	}
	dot := strings.LastIndexByte(base, '.')
	if dot <= 0 {
		return
	}
	suffix := base[dot+1:]
	for _, k := range parse.Kinds {
		if strings.EqualFold(suffix, k.Suffix) {
			w.note(fmt.Sprintf("skipped %s: not a metadata file name (the suffix is %s-meta.xml or %s, case-sensitive)", display(), "."+k.Suffix, "."+k.Suffix))
			return
		}
	}
}

func (w *walker) file(p string, kind parse.Kind) File {
	return File{Path: w.display(p), Kind: kind, Open: func() (io.ReadCloser, error) { return os.Open(p) }}
}

type sfdxProject struct {
	PackageDirectories []struct {
		Path string `json:"path"`
	} `json:"packageDirectories"`
}

// scope is what applies to a subtree: the scan root links must stay in, and the
// Salesforce project (its directory and .forceignore) it belongs to.
type scope struct {
	// root is the scan root, links resolved.
	root string
	// projDir is the directory of the sfdx-project.json (or the scanned directory).
	projDir string
	ign     *ignore.GitIgnore
	// ignored is set below a folder that .forceignore matches.
	ignored bool
}

// project walks the whole tree of a directory. The Salesforce project it belongs to (the
// nearest sfdx-project.json at or above it, within its repository) is checked and gives
// the .forceignore; a project nested inside the tree takes over for its subtree.
func (w *walker) project(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("path %s: %w", dir, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return fmt.Errorf("path %s: %w", dir, fserr.Cause(err))
	}
	w.searched = append(w.searched, w.display(dir))
	sc := scope{root: real, projDir: abs}
	if pd := repo.Up(abs, repo.Root(abs), func(d string) bool { return isFile(filepath.Join(d, "sfdx-project.json")) }); pd != "" {
		if sc, err = w.loadProject(sc, pd); err != nil {
			return err
		}
	}
	return w.tree(sc, dir, abs, real)
}

// loadProject checks the sfdx-project.json of dir (every package directory must exist
// inside the repository) and reads its .forceignore.
func (w *walker) loadProject(sc scope, dir string) (scope, error) {
	pj := filepath.Join(dir, "sfdx-project.json")
	b, err := sidefile.Read(pj)
	if err != nil {
		return sc, fmt.Errorf("%s: %w", w.display(pj), err)
	}
	var proj sfdxProject
	if err := json.Unmarshal(b, &proj); err != nil {
		return sc, fmt.Errorf("%s: not valid JSON: %w", w.display(pj), err)
	}
	top := repo.Root(dir)
	if top == "" {
		top = dir
	}
	for _, pd := range proj.PackageDirectories {
		if pd.Path == "" {
			continue
		}
		r := filepath.Join(dir, filepath.FromSlash(pd.Path))
		if filepath.IsAbs(pd.Path) || !repo.Within(r, top) {
			return sc, fmt.Errorf("%s: packageDirectories path %q is outside the repository", w.display(pj), pd.Path)
		}
		if _, err := os.Stat(r); err != nil {
			return sc, fmt.Errorf("%s: packageDirectories path %q does not exist", w.display(pj), pd.Path)
		}
	}
	sc.projDir, sc.ign, sc.ignored = dir, nil, false
	fi := filepath.Join(dir, ".forceignore")
	if _, err := os.Lstat(fi); err == nil {
		b, err := sidefile.Read(fi)
		if err != nil {
			return sc, fmt.Errorf("%s: %w", w.display(fi), err)
		}
		sc.ign = ignore.CompileIgnoreLines(strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")...)
	}
	return sc, nil
}

// tree walks dir (whose absolute path is abs, and resolved path real): every folder but the skipped ones, each
// once (so link loops end), following links only to inside the scan root. Its cost is
// linear in the depth of the tree: resolved paths are built as it descends.
func (w *walker) tree(sc scope, dir, abs, real string) error {
	if w.seenDirs[real] {
		return nil
	}
	w.seenDirs[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read directory %s: %w", w.display(dir), fserr.Cause(err))
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	if abs != sc.projDir && hasRegular(dir, entries, "sfdx-project.json") {
		if sc, err = w.loadProject(sc, abs); err != nil {
			return err
		}
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		childAbs := filepath.Join(abs, name)
		childReal := filepath.Join(real, name)
		isDir := e.IsDir()
		regular := e.Type().IsRegular()
		kind, _, isMeta := parse.KindOf(name)
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(childAbs)
			if err != nil {
				continue // dangling link, or a loop
			}
			st, err := os.Stat(target)
			if err != nil {
				continue
			}
			isDir, regular = st.IsDir(), st.Mode().IsRegular()
			if !repo.Within(target, sc.root) {
				switch {
				case isDir && !skipDirs[name]:
					w.note(fmt.Sprintf("not following %s: a link to a folder outside the scan root", w.display(p)))
				case isMeta:
					if err := w.emit(w.refused(p, kind)); err != nil {
						return err
					}
				}
				continue
			}
			childReal = target
		}
		if !isDir && !regular {
			if isMeta {
				w.note(fmt.Sprintf("skipped %s: not a regular file (devices, pipes and sockets are never read)", w.display(p)))
			}
			continue
		}
		if isDir && skipDirs[name] {
			continue
		}
		ignored := sc.ignored || forceignored(sc, childAbs, isDir)
		if isDir {
			sub := sc
			sub.ignored = ignored
			if err := w.tree(sub, p, childAbs, childReal); err != nil {
				return err
			}
			continue
		}
		if !isMeta {
			w.miscasedName(name, func() string { return w.display(p) })
			continue
		}
		f := w.file(p, kind)
		f.ForceIgnored = ignored
		if err := w.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// forceignored reports whether the project's .forceignore matches p.
func forceignored(sc scope, p string, isDir bool) bool {
	if sc.ign == nil {
		return false
	}
	rel, err := filepath.Rel(sc.projDir, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	if isDir {
		rel += "/"
	}
	return sc.ign.MatchesPath(rel)
}

// hasRegular reports whether entries (of dir) hold a regular file (or a link to one) name.
func hasRegular(dir string, entries []fs.DirEntry, name string) bool {
	i := sort.Search(len(entries), func(i int) bool { return entries[i].Name() >= name })
	return i < len(entries) && entries[i].Name() == name && isFile(filepath.Join(dir, name))
}

// zip emits every recognised entry of a Metadata API retrieve zip. Each entry is read (at
// most MaxBytes+1 bytes) while walking and the archive is closed before zip returns, so no
// file handle outlives the walk; a read error is returned by the entry's Open.
func (w *walker) zip(p string) (err error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return fmt.Errorf("zip %s: %w", p, err)
	}
	defer func() {
		if cerr := zr.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("zip %s: %w", p, cerr)
		}
	}()
	limit := w.opts.MaxBytes
	if limit <= 0 {
		limit = parse.DefaultLimits.MaxBytes
	}
	display := w.display(p)
	w.searched = append(w.searched, display)
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	occurrences := map[string]int{}
	for _, zf := range files {
		if zf.FileInfo().IsDir() {
			continue
		}
		kind, _, ok := parse.KindOf(zf.Name)
		if !ok {
			w.miscased(display + "!" + zf.Name)
			continue
		}
		name := strings.TrimPrefix(filepath.ToSlash(zf.Name), "/")
		path := display + "!" + name
		var open func() (io.ReadCloser, error)
		if !w.isExcluded(path) { // an excluded entry is dropped by emit, unread
			data, rerr := readEntry(zf, limit)
			open = func() (io.ReadCloser, error) {
				if rerr != nil {
					return nil, rerr
				}
				return io.NopCloser(bytes.NewReader(data)), nil
			}
		}
		err := w.emit(File{Path: path, Kind: kind, Occurrence: occurrences[name], Open: open})
		occurrences[name]++
		if err != nil {
			return err
		}
	}
	return nil
}

// readEntry reads at most limit+1 bytes of a zip entry (the parser reports a larger one).
func readEntry(zf *zip.File, limit int64) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit+1))
}
