// Package model joins parsed metadata files into apps and builds, for each app, the typed
// input document that rules evaluate (see docs/input.md), directly as an OPA value, with a
// table that maps every element's _ref back to its file and position.
package model

import (
	"encoding/json"
	"math/big"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
	"github.com/calint/calint/pkg/schema"
)

// App types.
const (
	ConnectedApp = "ConnectedApp"
	ECA          = "ExternalClientApplication"
)

// Loc is where an element (or one line of a multi-line value) is.
type Loc struct {
	// Doc is the index of the element's file in App.Docs.
	Doc int
	// Path is the element path inside its file, e.g. "oauthConfig/scopes[1]"; the root's
	// path is its element name.
	Path string
	// Start is the position of the start tag (or of the line's first character); End is
	// just after the end tag (or the line's last character).
	Start, End parse.Pos
	// Value is the trimmed text of a leaf or line.
	Value string
	// Repeated is true for an element that shares its name with siblings, and for lines.
	Repeated bool
}

// App is one logical app: a Connected App file, or an External Client App header joined
// with its child files.
type App struct {
	Name string
	Type string
	// Docs are the app's files, header (or Connected App) first, then by path.
	Docs []*parse.Doc
	// Locs is indexed by _ref.
	Locs []Loc
	// Root is the _ref of the element a finding without a node points at.
	Root int
	// Input is the rule input document.
	Input ast.Value
	// Variants are further input documents, one for each further occurrence of an element
	// or file that should appear once: in variant i every such element or file is its
	// (i+1)-th occurrence where it has one (the first otherwise), so rules that read one
	// occurrence see every one. Findings of Input and every variant are unioned (see
	// Inputs); refs are shared, so a finding points at the occurrence it is about.
	Variants []ast.Value
	// Secrets masks the values of the app's secrets (see MarkSecrets) in anything shown,
	// such as a rule's message.
	Secrets *redact.Values
}

// MaxVariants bounds the variants of one app: an element written more than MaxVariants+1
// times has its later occurrences checked only for unknown elements and invalid values (the
// duplicate itself is always reported, as CAL606).
const MaxVariants = 64

// Inputs returns the app's input and its variants.
func (a *App) Inputs() []ast.Value {
	return append([]ast.Value{a.Input}, a.Variants...)
}

// Builder builds apps against a schema set. It is safe for concurrent use.
type Builder struct {
	Schemas *schema.Set
	// Now is the scan date that certificate validity is measured against; the zero value
	// means the time of the build.
	Now time.Time

	namesOnce sync.Once
	names     redact.Names
}

// ConnectedApp builds the app of one Connected App file.
func (b *Builder) ConnectedApp(doc *parse.Doc) *App { return b.Single(doc) }

// Single builds the app of a file that is an app on its own (parse.GroupApp): a Connected
// App, an AuthProvider, a NamedCredential, an ExternalCredential or a settings file. The
// app's name is the component's name and its type the metadata type.
func (b *Builder) Single(doc *parse.Doc) *App {
	a := &App{Name: parse.FullName(doc.Path), Type: doc.Kind.Type, Docs: []*parse.Doc{doc}}
	ib := newInputBuilder(a, b)
	if doc.Occurrence > 0 {
		ib.fileDuplicate(0, doc.Occurrence+1, "a zip entry of the same name as an earlier one")
	}
	a.Input = ib.finish(item(doc.Kind.Key, ib.doc(0)))
	for v := 1; v <= min(ib.variants, MaxVariants); v++ {
		vb := ib.variant(v)
		a.Variants = append(a.Variants, vb.finish(item(doc.Kind.Key, vb.doc(0))))
	}
	return a
}

// ECAs joins External Client App files into apps by their externalClientApplication
// element, sorted by name. A child without that element forms an app of its own, named by
// its file. A namespaced reference ns__App joins the header App when no header is named
// ns__App: a packaged app's child files name their parent with the package namespace,
// while its header file is App.eca-meta.xml (a developer name cannot contain "__", so the
// part before it is always a namespace). A namespaced reference with no header in the
// scan stays an app of its own under that name (an installed package's app).
func (b *Builder) ECAs(docs []*parse.Doc) []*App {
	headers := map[string]bool{}
	for _, d := range docs {
		if d.Kind.Key == "eca" {
			headers[parse.FullName(d.Path)] = true
		}
	}
	groups := map[string]*App{}
	for _, d := range docs {
		name := parse.FullName(d.Path)
		if d.Kind.Key != "eca" {
			if ref := child(d.Root, "externalClientApplication"); ref != nil && strings.TrimSpace(ref.Text) != "" {
				name = parentName(strings.TrimSpace(ref.Text), headers)
			} else {
				name = "file:" + d.Path
			}
		}
		g := groups[name]
		if g == nil {
			g = &App{Name: strings.TrimPrefix(name, "file:"), Type: ECA}
			groups[name] = g
		}
		g.Docs = append(g.Docs, d)
	}
	apps := make([]*App, 0, len(groups))
	for _, a := range groups {
		sort.SliceStable(a.Docs, func(i, j int) bool {
			hi, hj := a.Docs[i].Kind.Key == "eca", a.Docs[j].Kind.Key == "eca"
			if hi != hj {
				return hi
			}
			return a.Docs[i].Path < a.Docs[j].Path
		})
		ib := newInputBuilder(a, b)
		// files of one kind, in order: a second one is a duplicate, seen by the variants
		kinds := map[string][]int{}
		var order []string
		for i, d := range a.Docs {
			if kinds[d.Kind.Key] == nil {
				order = append(order, d.Kind.Key)
			}
			kinds[d.Kind.Key] = append(kinds[d.Kind.Key], i)
		}
		for _, k := range order {
			for n, i := range kinds[k][1:] {
				ib.fileDuplicate(i, n+2, "another ."+k+" file")
			}
			ib.variants = max(ib.variants, len(kinds[k])-1)
		}
		a.Input = ib.ecaInput(order, kinds)
		for v := 1; v <= min(ib.variants, MaxVariants); v++ {
			a.Variants = append(a.Variants, ib.variant(v).ecaInput(order, kinds))
		}
		apps = append(apps, a)
	}
	sort.Slice(apps, func(i, j int) bool { return apps[i].Name < apps[j].Name })
	return apps
}

// parentName resolves a child's externalClientApplication reference to the name of its
// app: the reference itself when a header has that name, else, for a namespaced reference
// ns__App, the header App when there is one.
func parentName(ref string, headers map[string]bool) string {
	if headers[ref] {
		return ref
	}
	if _, local, ok := strings.Cut(ref, "__"); ok && headers[local] {
		return local
	}
	return ref
}

// ecaInput builds the input of an ECA: for each kind, the file this variant picks; in the
// base input the others are built too, so their elements have refs and their unknown
// elements and invalid values are reported.
func (ib *inputBuilder) ecaInput(order []string, kinds map[string][]int) ast.Value {
	var parts [][2]*ast.Term
	for _, k := range order {
		files := kinds[k]
		pick := ib.pick(len(files))
		for n, i := range files {
			if n == pick {
				parts = append(parts, item(k, ib.doc(i)))
			} else if ib.base == nil {
				ib.doc(i)
			}
		}
	}
	return ib.finish(parts...)
}

func child(n *parse.Node, name string) *parse.Node {
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

type inputBuilder struct {
	app        *App
	b          *Builder
	unknown    []*ast.Term
	invalid    []*ast.Term
	duplicates []*ast.Term
	docIndex   int
	cur        *parse.Doc
	// now is the scan date certificate validity is measured against (Builder.Now).
	now time.Time
	// refs are the refs of the elements built so far, and lineRefs those of the lines of
	// urllist elements: shared by the variants, so each element keeps one ref.
	refs     map[*parse.Node]int
	lineRefs map[*parse.Node][]int
	// variants is the number of variants the base input needs: the most occurrences of
	// an element or file that should appear once, minus one.
	variants int
	// base is the builder of the base input when this one builds variant number v.
	base *inputBuilder
	v    int
	// pendingFiles are the duplicate files, listed once their roots have refs.
	pendingFiles []pendingFile
}

type pendingFile struct {
	doc, occurrence int
	what            string
}

func newInputBuilder(a *App, b *Builder) *inputBuilder {
	now := b.Now
	if now.IsZero() {
		now = time.Now()
	}
	return &inputBuilder{app: a, b: b, now: now, refs: map[*parse.Node]int{}, lineRefs: map[*parse.Node][]int{}}
}

// variant returns a builder of variant v, sharing the base builder's refs.
func (ib *inputBuilder) variant(v int) *inputBuilder {
	return &inputBuilder{app: ib.app, b: ib.b, now: ib.now, refs: ib.refs, lineRefs: ib.lineRefs, base: ib, v: v}
}

// pick returns which of n occurrences this input shows: the first in the base input, the
// v-th (from 0) in variant v when there is one.
func (ib *inputBuilder) pick(n int) int {
	if ib.v < n {
		return ib.v
	}
	return 0
}

// fileDuplicate lists the root of the i-th file as the occurrence-th of its kind.
func (ib *inputBuilder) fileDuplicate(i, occurrence int, what string) {
	ib.pendingFiles = append(ib.pendingFiles, pendingFile{doc: i, occurrence: occurrence, what: what})
}

func duplicateTerm(ref int, name, path, file, what string, occurrence int) *ast.Term {
	return ast.ObjectTerm(
		item("_ref", ast.InternedTerm(ref)),
		item("name", ast.StringTerm(name)),
		item("path", ast.StringTerm(path)),
		item("file", ast.StringTerm(file)),
		item("occurrence", ast.InternedTerm(occurrence)),
		item("what", ast.StringTerm(what)),
	)
}

func item(k string, v *ast.Term) [2]*ast.Term { return [2]*ast.Term{key(k), v} }

// elemItem is an element's entry in its parent: its name is interned only when the schema
// declares it (elem non-nil); an undeclared name, taken from the file, is used as-is.
func elemItem(name string, elem *schema.Elem, v *ast.Term) [2]*ast.Term {
	if elem == nil {
		return [2]*ast.Term{ast.StringTerm(name), v}
	}
	return item(name, v)
}

var keys sync.Map // string -> *ast.Term

// key returns a shared term for an object key; metadata uses a small vocabulary. Only keys
// from a bounded set (the code's own keys, kinds, names the schema declares) are interned:
// names taken from scanned files go through elemKey, so the map cannot grow with the input.
func key(s string) *ast.Term {
	if t, ok := keys.Load(s); ok {
		return t.(*ast.Term)
	}
	t, _ := keys.LoadOrStore(s, ast.StringTerm(s))
	return t.(*ast.Term)
}

// finish builds the top level. A variant lists the base input's unknown elements, invalid
// values and duplicates, which cover every occurrence.
func (ib *inputBuilder) finish(parts ...[2]*ast.Term) ast.Value {
	a := ib.app
	files := make([]*ast.Term, len(a.Docs))
	if b := ib.base; b != nil {
		ib.unknown, ib.invalid, ib.duplicates = b.unknown, b.invalid, b.duplicates
	} else {
		var secrets, tokens []string
		for _, d := range a.Docs {
			secrets = append(secrets, d.SecretValues...)
			tokens = append(tokens, d.SecretTokens...)
		}
		a.Secrets = redact.NewValues(secrets, tokens...)
		for _, f := range ib.pendingFiles {
			d := a.Docs[f.doc]
			ib.duplicates = append(ib.duplicates, duplicateTerm(ib.refs[d.Root], d.Root.Name, d.Root.Name, d.Path, f.what, f.occurrence))
		}
	}
	for i, d := range a.Docs {
		files[i] = ast.ObjectTerm(
			item("path", ast.StringTerm(d.Path)),
			item("type", key(d.Kind.Type)),
			item("suffix", key(d.Kind.Key)),
		)
	}
	items := []([2]*ast.Term){
		item("app", ast.ObjectTerm(
			item("name", ast.StringTerm(a.Name)),
			item("type", key(a.Type)),
			item("files", ast.ArrayTerm(files...)),
		)),
		item("unknownElements", ast.ArrayTerm(ib.unknown...)),
		item("invalidValues", ast.ArrayTerm(ib.invalid...)),
		item("duplicates", ast.ArrayTerm(ib.duplicates...)),
	}
	items = append(items, parts...)
	return ast.NewObject(items...)
}

func (ib *inputBuilder) newRef(n *parse.Node, path string, repeated bool) int {
	if ref, ok := ib.refs[n]; ok {
		return ref
	}
	ref := len(ib.app.Locs)
	ib.refs[n] = ref
	ib.app.Locs = append(ib.app.Locs, Loc{Doc: ib.docIndex, Path: path, Start: n.Start, End: n.End, Value: strings.TrimSpace(n.Text), Repeated: repeated})
	return ref
}

// doc builds the root element of the i-th file.
func (ib *inputBuilder) doc(i int) *ast.Term {
	ib.docIndex = i
	ib.cur = ib.app.Docs[i]
	ib.b.MarkSecrets(ib.cur)
	var elem *schema.Elem
	if t := ib.b.Schemas.Type(ib.cur.Kind.Key); t != nil {
		elem = t.Root
	}
	if i == 0 && ib.base == nil {
		ib.app.Root = len(ib.app.Locs)
	}
	return ib.elem(ib.cur.Root, elem, ib.cur.Root.Name, false, true)
}

// elem builds one element. elem is its schema (nil when undeclared); known is false inside
// undeclared or "any" subtrees, where nothing is reported.
func (ib *inputBuilder) elem(n *parse.Node, elem *schema.Elem, path string, repeated, known bool) *ast.Term {
	ref := ib.newRef(n, path, repeated)
	refTerm := ast.InternedTerm(ref)
	leafSchema := elem != nil && elem.Kind != schema.Complex && elem.Kind != schema.Any
	if len(n.Children) == 0 && (elem == nil || leafSchema || elem.Kind == schema.Any) {
		return ib.leaf(n, elem, ref, refTerm, path, known)
	}
	if leafSchema && known {
		ib.invalid = append(ib.invalid, invalidTerm(ref, n.Name, path, "", "a value, not child elements"))
	}
	if known && elem != nil && elem.Kind == schema.Complex {
		if t := strings.TrimSpace(n.Text); t != "" {
			ib.invalid = append(ib.invalid, invalidTerm(ref, n.Name, path, t, "child elements, not a value"))
		}
	}
	childKnown := known && elem != nil && elem.Kind == schema.Complex
	groups := groupChildren(n.Children)
	items := make([][2]*ast.Term, 0, len(groups)+2)
	items = append(items, item("_ref", refTerm))
	prefix := path + "/"
	if n.Parent == nil {
		prefix = ""
	}
	for _, g := range groups {
		name, cs := g.name, g.nodes
		var ce *schema.Elem
		if childKnown {
			ce = elem.Child(name)
			if ce == nil {
				for _, c := range cs {
					ib.unknown = append(ib.unknown, ast.ObjectTerm(
						item("_ref", ast.InternedTerm(len(ib.app.Locs))),
						item("name", ast.StringTerm(name)),
						item("path", ast.StringTerm(childPath(prefix, name, cs, c))),
					))
					// the unknown entry's _ref is the element's own ref, built below
					break
				}
			}
		}
		ck := childKnown && ce != nil
		multi := len(cs) > 1
		if ck && !ce.Repeated && multi {
			// a single element written more than once (Salesforce keeps one of them): the
			// input keeps the schema's shape with the occurrence this variant picks; in the
			// base input the others are built for their refs and listed as duplicates,
			// and each is picked by a variant of its own.
			pick := ib.pick(len(cs))
			for i, c := range cs {
				p := childPath(prefix, name, cs, c)
				if i == pick {
					items = append(items, elemItem(name, ce, ib.elem(c, ce, p, true, ck)))
				} else if ib.base == nil {
					ib.elem(c, ce, p, true, ck)
				}
				if i > 0 && ib.base == nil {
					ib.duplicates = append(ib.duplicates, duplicateTerm(ib.refs[c], name, p, ib.cur.Path, "", i+1))
				}
			}
			ib.variants = max(ib.variants, len(cs)-1)
			continue
		}
		if (ce != nil && ce.Repeated) || multi {
			terms := make([]*ast.Term, len(cs))
			for i, c := range cs {
				if ce == nil && childKnown && i > 0 {
					ib.unknown = append(ib.unknown, ast.ObjectTerm(
						item("_ref", ast.InternedTerm(len(ib.app.Locs))),
						item("name", ast.StringTerm(name)),
						item("path", ast.StringTerm(childPath(prefix, name, cs, c))),
					))
				}
				terms[i] = ib.elem(c, ce, childPath(prefix, name, cs, c), multi, ck)
			}
			items = append(items, elemItem(name, ce, ast.ArrayTerm(terms...)))
		} else {
			items = append(items, elemItem(name, ce, ib.elem(cs[0], ce, prefix+name, false, ck)))
		}
	}
	if elem != nil && len(elem.Range) == 2 {
		items = append(items, item("_range", rangeFacts(groupNodes(groups, elem.Range[0]), groupNodes(groups, elem.Range[1]))))
	}
	return ast.ObjectTerm(items...)
}

// group is the children of one name, in document order.
type group struct {
	name  string
	nodes []*parse.Node
}

// groupChildren groups children by name, in the order of each name's first occurrence. A
// name that occurs once (most) shares the children slice instead of allocating its own.
func groupChildren(children []*parse.Node) []group {
	groups := make([]group, 0, len(children))
	if len(children) > 64 {
		// many children: index the names instead of comparing every pair
		at := make(map[string]int, len(children))
		for _, c := range children {
			if i, ok := at[c.Name]; ok {
				groups[i].nodes = append(groups[i].nodes, c)
				continue
			}
			at[c.Name] = len(groups)
			groups = append(groups, group{name: c.Name, nodes: []*parse.Node{c}})
		}
		return groups
	}
next:
	for i, c := range children {
		for j := range groups {
			if groups[j].name == c.Name {
				if len(groups[j].nodes) == 1 {
					groups[j].nodes = []*parse.Node{groups[j].nodes[0]}
				}
				groups[j].nodes = append(groups[j].nodes, c)
				continue next
			}
		}
		groups = append(groups, group{name: c.Name, nodes: children[i : i+1 : i+1]})
	}
	return groups
}

func groupNodes(groups []group, name string) []*parse.Node {
	for _, g := range groups {
		if g.name == name {
			return g.nodes
		}
	}
	return nil
}

func childPath(prefix, name string, all []*parse.Node, c *parse.Node) string {
	if len(all) == 1 {
		return prefix + name
	}
	for i, x := range all {
		if x == c {
			return prefix + name + "[" + itoa(i) + "]"
		}
	}
	return prefix + name
}

func itoa(i int) string { return strconv.Itoa(i) }

func jsonNumber(s string) json.Number { return json.Number(s) }

// intNumber normalises an integer literal ("007" → 7) for OPA.
func intNumber(s string) json.Number {
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return json.Number("0")
	}
	return json.Number(strconv.FormatInt(i, 10))
}

func invalidTerm(ref int, name, path, value, expected string) *ast.Term {
	return ast.ObjectTerm(
		item("_ref", ast.InternedTerm(ref)),
		item("name", ast.StringTerm(name)),
		item("path", ast.StringTerm(path)),
		item("value", ast.StringTerm(value)),
		item("expected", ast.StringTerm(expected)),
	)
}

func (ib *inputBuilder) leaf(n *parse.Node, elem *schema.Elem, ref int, refTerm *ast.Term, path string, known bool) *ast.Term {
	v := strings.TrimSpace(n.Text)
	items := make([][2]*ast.Term, 0, 4)
	items = append(items, item("_ref", refTerm))
	if n.Nil && v == "" {
		// xsi:nil: an explicit null, never an invalid value
		return ast.ObjectTerm(append(items, item("value", ast.StringTerm("")), item("nil", ast.InternedTerm(true)))...)
	}
	if elem == nil {
		items = append(items, item("value", ast.StringTerm(v)))
		return ast.ObjectTerm(items...)
	}
	var cert *CertFacts
	if elem.Kind == schema.Certificate && v != "" {
		c := ParseCertificate(v, ib.now)
		cert = &c
		if !c.Parsed && !c.Placeholder && known {
			ib.invalid = append(ib.invalid, invalidTerm(ref, n.Name, path, shorten(v), "a base64-encoded X.509 certificate ("+c.Error+")"))
		}
	}
	if ok, expected := elem.Check(v); !ok {
		if known {
			ib.invalid = append(ib.invalid, invalidTerm(ref, n.Name, path, v, expected))
		}
		items = append(items, item("value", ast.StringTerm(v)))
	} else {
		switch elem.Kind {
		case schema.Boolean:
			b, _ := schema.ParseBool(v)
			items = append(items, item("value", ast.InternedTerm(b)))
		case schema.Int:
			items = append(items, item("value", ast.NumberTerm(intNumber(v))))
		default:
			items = append(items, item("value", ast.StringTerm(v)))
		}
	}
	switch elem.Kind {
	case schema.URL:
		items = append(items, item("url", urlFacts(v)))
	case schema.URLList:
		lines := ib.cur.TextLines(n)
		urls := make([]*ast.Term, 0, len(lines))
		refs, built := ib.lineRefs[n]
		for i, l := range lines {
			var r int
			if built {
				r = refs[i]
			} else {
				r = len(ib.app.Locs)
				ib.app.Locs = append(ib.app.Locs, Loc{Doc: ib.docIndex, Path: path, Start: l.Start, End: l.End, Value: l.Value, Repeated: true})
				refs = append(refs, r)
			}
			urls = append(urls, ast.ObjectTerm(
				item("_ref", ast.InternedTerm(r)),
				item("value", ast.StringTerm(l.Value)),
				item("url", urlFacts(l.Value)),
			))
		}
		ib.lineRefs[n] = refs
		items = append(items, item("urls", ast.ArrayTerm(urls...)))
	case schema.CSV:
		var parts []*ast.Term
		for p := range strings.SplitSeq(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, ast.StringTerm(p))
			}
		}
		items = append(items, item("items", ast.ArrayTerm(parts...)))
	case schema.Certificate:
		if cert != nil {
			items = append(items, item("cert", cert.term()))
		}
	}
	return ast.ObjectTerm(items...)
}

// URLFacts describes a URL for rules; see docs/input.md.
type URLFacts struct {
	Parsed, Loopback, Userinfo, Password, Fragment bool
	Scheme, Host, Port                             string
	Query                                          []string
}

// ParseURL computes the facts of one URL.
func ParseURL(v string) URLFacts {
	var f URLFacts
	f.Fragment = strings.Contains(v, "#")
	u, err := url.Parse(v)
	if err != nil {
		return f
	}
	f.Parsed = true
	f.Scheme = strings.ToLower(u.Scheme)
	// "localhost:8080" parses as scheme "localhost" with an opaque port: a host:port
	// without a scheme, not a custom scheme.
	if u.Opaque != "" && isDigits(u.Opaque) {
		f.Parsed = false
	}
	f.Host = strings.ToLower(u.Hostname())
	f.Port = u.Port()
	f.Loopback = isLoopback(f.Host)
	if u.User != nil {
		f.Userinfo = true
		_, f.Password = u.User.Password()
	}
	if u.RawQuery != "" {
		q, _ := url.ParseQuery(u.RawQuery)
		for k := range q {
			f.Query = append(f.Query, strings.ToLower(k))
		}
		sort.Strings(f.Query)
	}
	return f
}

func urlFacts(v string) *ast.Term {
	f := ParseURL(v)
	q := make([]*ast.Term, len(f.Query))
	for i, s := range f.Query {
		q[i] = ast.StringTerm(s)
	}
	return ast.ObjectTerm(
		item("parsed", ast.InternedTerm(f.Parsed)),
		item("scheme", ast.StringTerm(f.Scheme)),
		item("host", ast.StringTerm(f.Host)),
		item("port", ast.StringTerm(f.Port)),
		item("loopback", ast.InternedTerm(f.Loopback)),
		item("userinfo", ast.InternedTerm(f.Userinfo)),
		item("password", ast.InternedTerm(f.Password)),
		item("query", ast.ArrayTerm(q...)),
		item("fragment", ast.InternedTerm(f.Fragment)),
	)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

var maxAddresses = new(big.Int).Lsh(big.NewInt(1), 63)

func rangeFacts(start, end []*parse.Node) *ast.Term {
	var valid, reversed bool
	count := big.NewInt(0)
	if len(start) == 1 && len(end) == 1 {
		s, err1 := netip.ParseAddr(strings.TrimSpace(start[0].Text))
		e, err2 := netip.ParseAddr(strings.TrimSpace(end[0].Text))
		if err1 == nil && err2 == nil {
			s, e = s.Unmap(), e.Unmap()
			if s.Is4() == e.Is4() && s.Zone() == "" && e.Zone() == "" {
				valid = true
				si := new(big.Int).SetBytes(s.AsSlice())
				ei := new(big.Int).SetBytes(e.AsSlice())
				if si.Cmp(ei) > 0 {
					reversed = true
				} else {
					count.Sub(ei, si).Add(count, big.NewInt(1))
					if count.Cmp(maxAddresses) > 0 {
						count.Set(maxAddresses)
					}
				}
			}
		}
	}
	return ast.ObjectTerm(
		item("valid", ast.InternedTerm(valid)),
		item("reversed", ast.InternedTerm(reversed)),
		item("addresses", ast.NumberTerm(jsonNumber(count.String()))),
	)
}
