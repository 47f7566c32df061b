package planeval

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Program is a loaded plan, ready to evaluate. It is immutable and safe for concurrent use.
type Program struct {
	source string
	funcs  []*function
	plans  map[string]*function
	files  []string
	locs   []location
	// stringTerms are the plan's string constants as terms.
	stringTerms []*ast.Term
	builtins    []*builtin
	// inputFree marks the rules that do not depend on the input (optimize)
	inputFree []bool
}

// Source is what the plan was compiled from, as given to Encode.
func (p *Program) Source() string { return p.source }

type location struct {
	file int
	row  int
}

// function is a planned function, or a plan (whose parameters are input and data).
type function struct {
	name    string
	index   int // in Program.funcs; -1 for plans
	nparams int // the parameters are locals 0..nparams-1
	ret     int32
	nlocals int
	blocks  []block
	// entry is, for a plan, the rule function whose value is the plan's only result
	entry *function
}

type builtin struct {
	name string
	fn   topdown.BuiltinFunc
}

type block []instr

// operand is a local (local >= 0) or a constant term.
type operand struct {
	local int32
	k     *ast.Term
}

// noOperand fills the operands a statement does not have.
var noOperand = operand{local: -1}

// instr is one statement. Its fields are used as its op needs: a and b are the statement's
// operands (source, key, value), t its target local (result, array, object, set, returned
// local, scan source), key and val the locals a scan binds.
type instr struct {
	op     byte
	a, b   operand
	t      int32
	key    int32
	val    int32
	n      int
	fn     *function
	bi     *builtin
	args   []operand
	blocks []block
	loc    int32
}

type decoder struct {
	b    []byte
	err  error
	p    *Program
	lmap map[int]int32 // the current function's plan locals, numbered densely from 0
}

// Load decodes a plan written by Encode. Its builtins are extra's, then OPA's
// (topdown.GetBuiltin).
func Load(b []byte, extra map[string]topdown.BuiltinFunc) (*Program, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("load plan: not a calint plan (or an older format)")
	}
	d := &decoder{b: b[len(magic):], p: &Program{plans: map[string]*function{}}}
	p := d.p
	p.source = d.str()
	strs := make([]string, d.uint())
	for i := range strs {
		strs[i] = d.str()
	}
	p.stringTerms = make([]*ast.Term, len(strs))
	for i, s := range strs {
		p.stringTerms[i] = ast.StringTerm(s)
	}
	p.files = make([]string, d.uint())
	for i := range p.files {
		p.files[i] = d.str()
	}
	p.builtins = make([]*builtin, d.uint())
	for i := range p.builtins {
		name := d.str()
		fn := extra[name]
		if fn == nil {
			fn = topdown.GetBuiltin(name)
		}
		if fn == nil {
			d.fail(fmt.Errorf("builtin %s is not available", name))
		}
		p.builtins[i] = &builtin{name: name, fn: fn}
	}
	p.funcs = make([]*function, d.uint())
	for i := range p.funcs {
		p.funcs[i] = &function{name: d.str(), index: i}
	}
	for _, f := range p.funcs {
		if d.err != nil {
			break
		}
		d.lmap = map[int]int32{}
		f.nparams = d.uint()
		for range f.nparams {
			d.local()
		}
		f.ret = d.local()
		f.blocks = d.blocks(strs)
		f.nlocals = len(d.lmap)
	}
	for range d.uint() {
		if d.err != nil {
			break
		}
		d.lmap = map[int]int32{}
		f := &function{name: d.str(), index: -1, nparams: 2}
		d.localOf(0) // input
		d.localOf(1) // data
		f.ret = -1
		f.blocks = d.blocks(strs)
		f.nlocals = len(d.lmap)
		p.plans[f.name] = f
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return nil, fmt.Errorf("load plan: %w", d.err)
	}
	p.optimize()
	return p, nil
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uint() int {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > 1<<31 {
		d.fail(errors.New("truncated"))
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(errors.New("truncated"))
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail(errors.New("truncated"))
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) str() string {
	n := d.uint()
	if n > len(d.b) {
		d.fail(errors.New("truncated"))
		d.b = nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// localOf maps a plan local to the current function's dense numbering.
func (d *decoder) localOf(l int) int32 {
	if i, ok := d.lmap[l]; ok {
		return i
	}
	i := int32(len(d.lmap)) //nolint:gosec // G115: a plan function has far fewer than 2^31 locals
	d.lmap[l] = i
	return i
}

func (d *decoder) local() int32 { return d.localOf(d.uint()) }

func (d *decoder) operand(strs []string) operand {
	switch d.byte() {
	case valLocal:
		return operand{local: d.local()}
	case valString:
		i := d.uint()
		if i >= len(strs) {
			d.fail(fmt.Errorf("string %d out of range", i))
			return operand{k: ast.NullTerm()}
		}
		return operand{local: -1, k: d.p.stringTerms[i]}
	case valBool:
		return operand{local: -1, k: ast.InternedTerm(d.uint() == 1)}
	}
	d.fail(errors.New("bad operand"))
	return operand{local: -1, k: ast.NullTerm()}
}

func (d *decoder) loc() int32 {
	d.p.locs = append(d.p.locs, location{file: d.uint(), row: d.uint()})
	return int32(len(d.p.locs) - 1) //nolint:gosec // G115: far fewer than 2^31 locations in the embedded plan
}

func (d *decoder) blocks(strs []string) []block {
	n := d.uint()
	if n > len(d.b) {
		d.fail(errors.New("truncated"))
		return nil
	}
	bs := make([]block, n)
	for i := range bs {
		bs[i] = d.block(strs)
	}
	return bs
}

func (d *decoder) block(strs []string) block {
	n := d.uint()
	if n > len(d.b) {
		d.fail(errors.New("truncated"))
		return nil
	}
	b := make(block, 0, n)
	for range n {
		if d.err != nil {
			return nil
		}
		b = append(b, d.stmt(strs))
	}
	return b
}

func (d *decoder) stmt(strs []string) instr {
	in := instr{op: d.byte(), t: -1, a: noOperand, b: noOperand}
	switch in.op {
	case opNop:
	case opReturnLocal:
		in.t = d.local()
	case opCall:
		in.loc = d.loc()
		ref := d.uint()
		if ref%2 == 0 && ref/2 < len(d.p.funcs) {
			in.fn = d.p.funcs[ref/2]
		} else if ref%2 == 1 && ref/2 < len(d.p.builtins) {
			in.bi = d.p.builtins[ref/2]
		} else {
			d.fail(fmt.Errorf("call of function %d out of range", ref))
		}
		n := d.uint()
		if n > len(d.b) {
			d.fail(errors.New("truncated"))
			return in
		}
		in.args = make([]operand, n)
		for i := range in.args {
			in.args[i] = d.operand(strs)
		}
		in.t = d.local()
	case opBlock:
		in.blocks = d.blocks(strs)
	case opBreak:
		in.n = d.uint()
	case opDot:
		in.a = d.operand(strs)
		in.b = d.operand(strs)
		in.t = d.local()
	case opLen:
		in.a = d.operand(strs)
		in.t = d.local()
	case opScan:
		in.t = d.local()
		in.key = d.local()
		in.val = d.local()
		in.blocks = []block{d.block(strs)}
	case opNot:
		in.blocks = []block{d.block(strs)}
	case opAssignVar:
		in.a = d.operand(strs)
		in.t = d.local()
	case opAssignVarOnce:
		in.loc = d.loc()
		in.a = d.operand(strs)
		in.t = d.local()
	case opResetLocal, opMakeArray, opMakeObject, opMakeSet:
		if in.op == opMakeArray {
			in.n = d.uint()
		}
		in.t = d.local()
	case opMakeNull:
		// constants become assignments of an immutable term
		in.op, in.a, in.t = opAssignVar, operand{local: -1, k: ast.NullTerm()}, d.local()
	case opMakeNumberInt, opAssignInt:
		// AssignInt sets a number made by MakeNumberInt (an array index being unified):
		// the local gets the new number, no number is changed in place
		v := d.int()
		in.op, in.a, in.t = opAssignVar, operand{local: -1, k: ast.InternedTerm(int(v))}, d.local()
	case opMakeNumberRef:
		i := d.uint()
		k := ast.NullTerm()
		if i < len(strs) {
			k = ast.NumberTerm(json.Number(strs[i]))
		} else {
			d.fail(fmt.Errorf("number %d out of range", i))
		}
		in.op, in.a, in.t = opAssignVar, operand{local: -1, k: k}, d.local()
	case opEqual, opNotEqual:
		in.a = d.operand(strs)
		in.b = d.operand(strs)
	case opIsArray, opIsObject, opIsSet:
		in.a = d.operand(strs)
	case opIsDefined, opIsUndefined, opResultSetAdd:
		in.t = d.local()
	case opArrayAppend, opSetAdd:
		in.a = d.operand(strs)
		in.t = d.local()
	case opObjectInsert, opObjectInsertOnce:
		if in.op == opObjectInsertOnce {
			in.loc = d.loc()
		}
		in.a = d.operand(strs)
		in.b = d.operand(strs)
		in.t = d.local()
	default:
		d.fail(fmt.Errorf("unknown statement kind %d", in.op))
	}
	return in
}
