package planeval

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// Block statuses: how a block ended. A block that breaks out of k more enclosing blocks
// returns k (> 0); a return or an error unwinds everything up to the function.
const (
	stDone   = -1      // every statement ran
	stEnd    = 0       // a statement was undefined, or break 0
	stReturn = 1 << 30 // a return statement ran
	stError  = stReturn + 1
)

// ConflictError is a rule or function that produced two different values, as top-down's
// eval_conflict_error.
type ConflictError struct {
	File string
	Row  int
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s:%d: eval_conflict_error: complete rules and functions must not produce multiple outputs", e.File, e.Row)
}

// Has reports whether the program has a plan named name.
func (p *Program) Has(name string) bool { return p.plans[name] != nil }

// Plans returns the names of the program's plans.
func (p *Program) Plans() []string {
	out := make([]string, 0, len(p.plans))
	for n := range p.plans {
		out = append(out, n)
	}
	return out
}

// Bound is a program bound to a data document, with the rules that do not depend on the
// input computed once. It is immutable and safe for concurrent use.
type Bound struct {
	p      *Program
	data   *ast.Term
	memo   []*ast.Term
	memoOK []bool
}

// Bind binds p to data: every rule that reads no input is evaluated now, once. A rule that
// fails (a conflict) is left to fail when an app's evaluation reaches it.
func (p *Program) Bind(ctx context.Context, data ast.Value) *Bound {
	b := &Bound{p: p, data: ast.NewTerm(data), memo: make([]*ast.Term, len(p.funcs)), memoOK: make([]bool, len(p.funcs))}
	s := b.NewSession(ctx, ast.NewObject())
	defer s.Close()
	for i, f := range p.funcs {
		if !p.inputFree[i] || f.nparams != 2 {
			continue
		}
		fr := []*ast.Term{nil, b.data}
		if v, st := s.call(f, fr, []operand{{local: 0}, {local: 1}}); st != stError {
			b.memo[i], b.memoOK[i] = v, true
		}
		s.err = nil
		// what an input-free rule computed along the way is input-free too
		for j := range s.memoOK {
			if s.memoOK[j] && !b.memoOK[j] {
				b.memo[j], b.memoOK[j] = s.memo[j], true
			}
		}
		// a failed rule's callers are not memoised by the session
		clear(s.memoOK)
		copy(s.memo, b.memo)
		copy(s.memoOK, b.memoOK)
	}
	return b
}

// Session evaluates plans of one program against one input and data document, sharing the
// values of argument-less rules between the plans (as top-down caches them within a query).
// A session is not safe for concurrent use; Close returns it to a pool.
type Session struct {
	p      *Program
	ctx    context.Context
	input  *ast.Term
	data   *ast.Term
	frames [][]*ast.Term // one per function: Rego has no recursion
	memo   []*ast.Term
	memoOK []bool
	bctx   topdown.BuiltinContext
	cache  builtins.Cache
	out    *ast.Term
	iter   func(*ast.Term) error
	ret    *ast.Term
	err    error
	steps  int
	args   []*ast.Term
	result []*ast.Term
	planFr []*ast.Term
}

var sessions sync.Pool

// NewSession starts the evaluation of the bound program's plans on input. ctx cancels it.
func (b *Bound) NewSession(ctx context.Context, input ast.Value) *Session {
	p := b.p
	s, _ := sessions.Get().(*Session)
	if s == nil || s.p != p {
		s = &Session{p: p, frames: make([][]*ast.Term, len(p.funcs)), memo: make([]*ast.Term, len(p.funcs)), memoOK: make([]bool, len(p.funcs)), cache: builtins.Cache{}}
		for i, f := range p.funcs {
			s.frames[i] = make([]*ast.Term, f.nlocals)
		}
		s.iter = func(t *ast.Term) error { s.out = t; return nil }
	}
	copy(s.memo, b.memo)
	copy(s.memoOK, b.memoOK)
	s.ctx = ctx
	s.input = ast.NewTerm(input)
	s.data = b.data
	s.bctx = topdown.BuiltinContext{Context: ctx, Cache: s.cache}
	return s
}

// Close releases the session; it must not be used afterwards.
func (s *Session) Close() {
	clear(s.memo)
	clear(s.memoOK)
	clear(s.cache)
	for _, f := range s.frames {
		clear(f)
	}
	clear(s.planFr)
	s.ctx, s.input, s.data, s.out, s.ret, s.err = nil, nil, nil, nil, nil, nil
	s.bctx = topdown.BuiltinContext{}
	s.result = s.result[:0]
	sessions.Put(s)
}

// Eval runs the plan named name and returns its result set: the value of each result (for
// an entrypoint rule, one value: the rule's document; none when it is undefined). The
// slice is valid until the next call.
func (s *Session) Eval(name string) ([]*ast.Term, error) {
	f := s.p.plans[name]
	if f == nil {
		return nil, fmt.Errorf("no plan %s", name)
	}
	if cap(s.planFr) < f.nlocals {
		s.planFr = make([]*ast.Term, f.nlocals)
	}
	fr := s.planFr[:f.nlocals]
	clear(fr)
	fr[0], fr[1] = s.input, s.data
	if f.entry != nil {
		v, st := s.call(f.entry, fr, entryArgs)
		if st == stError {
			return nil, s.takeErr()
		}
		if v == nil {
			return nil, nil
		}
		s.result = append(s.result[:0], v)
		return s.result, nil
	}
	s.result = s.result[:0]
	for _, b := range f.blocks {
		if st := s.exec(fr, b); st == stError {
			return nil, s.takeErr()
		}
	}
	out := make([]*ast.Term, 0, len(s.result))
	for _, r := range s.result {
		// a plan's result is {"result": value}
		if o, ok := r.Value.(ast.Object); ok && o.Len() == 1 {
			o.Foreach(func(_, v *ast.Term) { out = append(out, v) })
		}
	}
	return out, nil
}

// entryArgs are a plan's input and data, passed on to its rule.
var entryArgs = []operand{{local: 0}, {local: 1}}

func (s *Session) takeErr() error {
	err := s.err
	s.err = nil
	return err
}

func (s *Session) fail(err error) int {
	if s.err == nil {
		s.err = err
	}
	return stError
}

func (s *Session) conflict(loc int32) int {
	l := s.p.locs[loc]
	file := ""
	if l.file < len(s.p.files) {
		file = s.p.files[l.file]
	}
	return s.fail(&ConflictError{File: file, Row: l.row})
}

func (s *Session) tick() bool {
	s.steps++
	if s.steps&255 == 0 {
		if err := s.ctx.Err(); err != nil {
			s.fail(fmt.Errorf("evaluation cancelled: %w", err))
			return false
		}
	}
	return true
}

func val(fr []*ast.Term, o operand) *ast.Term {
	if o.local >= 0 {
		return fr[o.local]
	}
	return o.k
}

// call runs a planned function; nil is undefined.
func (s *Session) call(f *function, fr []*ast.Term, args []operand) (*ast.Term, int) {
	memo := f.nparams == 2
	if memo && s.memoOK[f.index] {
		return s.memo[f.index], stDone
	}
	if !s.tick() {
		return nil, stError
	}
	callee := s.frames[f.index]
	clear(callee)
	for i, a := range args {
		callee[i] = val(fr, a)
	}
	var ret *ast.Term
	for _, b := range f.blocks {
		st := s.exec(callee, b)
		if st == stError {
			return nil, stError
		}
		if st == stReturn {
			ret = s.ret
			s.ret = nil
			break
		}
	}
	if st := ret; st == nil && f.ret >= 0 && int(f.ret) < len(callee) {
		ret = callee[f.ret]
	}
	if memo {
		s.memo[f.index], s.memoOK[f.index] = ret, true
	}
	return ret, stDone
}

// exec runs one block and says how it ended.
func (s *Session) exec(fr []*ast.Term, b block) int {
	for i := range b {
		in := &b[i]
		switch in.op {
		case opNop:
		case opReturnLocal:
			s.ret = fr[in.t]
			return stReturn
		case opCall:
			var r *ast.Term
			if in.fn != nil {
				var st int
				if r, st = s.call(in.fn, fr, in.args); st == stError {
					return stError
				}
			} else {
				var st int
				if r, st = s.builtin(in, fr); st == stError {
					return stError
				}
			}
			if r == nil {
				return stEnd
			}
			fr[in.t] = r
		case opBlock:
			for _, bb := range in.blocks {
				if st := s.exec(fr, bb); st > 0 {
					if st >= stReturn {
						return st
					}
					return st - 1
				}
			}
		case opBreak:
			return in.n
		case opDot:
			src, key := val(fr, in.a), val(fr, in.b)
			if src == nil || key == nil {
				return stEnd
			}
			r := dot(src, key)
			if r == nil {
				return stEnd
			}
			fr[in.t] = r
		case opLen:
			src := val(fr, in.a)
			if src == nil {
				return stEnd
			}
			var n int
			switch v := src.Value.(type) {
			case ast.Object:
				n = v.Len()
			case *ast.Array:
				n = v.Len()
			case ast.Set:
				n = v.Len()
			case ast.String:
				n = utf8.RuneCountInString(string(v))
			default:
				return stEnd
			}
			fr[in.t] = ast.InternedTerm(n)
		case opScan:
			if st := s.scan(fr, in); st != stDone {
				return st
			}
		case opNot:
			st := s.exec(fr, in.blocks[0])
			switch {
			case st == stDone:
				return stEnd
			case st >= stReturn:
				return st
			case st > 0:
				return st - 1
			}
		case opAssignVar:
			fr[in.t] = val(fr, in.a)
		case opAssignVarOnce:
			src := val(fr, in.a)
			if cur := fr[in.t]; cur != nil && src != nil && cur.Value.Compare(src.Value) != 0 {
				return s.conflict(in.loc)
			}
			fr[in.t] = src
		case opResetLocal:
			fr[in.t] = nil
		case opMakeArray:
			fr[in.t] = ast.NewTerm(ast.NewArrayWithCapacity(in.n))
		case opMakeObject:
			fr[in.t] = ast.NewTerm(ast.NewObject())
		case opMakeSet:
			fr[in.t] = ast.NewTerm(ast.NewSet())
		case opEqual, opNotEqual:
			a, bv := val(fr, in.a), val(fr, in.b)
			if a == nil || bv == nil {
				return stEnd
			}
			if (a.Value.Compare(bv.Value) == 0) != (in.op == opEqual) {
				return stEnd
			}
		case opIsArray:
			if x := val(fr, in.a); x == nil {
				return stEnd
			} else if _, ok := x.Value.(*ast.Array); !ok {
				return stEnd
			}
		case opIsObject:
			if x := val(fr, in.a); x == nil {
				return stEnd
			} else if _, ok := x.Value.(ast.Object); !ok {
				return stEnd
			}
		case opIsSet:
			if x := val(fr, in.a); x == nil {
				return stEnd
			} else if _, ok := x.Value.(ast.Set); !ok {
				return stEnd
			}
		case opIsDefined:
			if fr[in.t] == nil {
				return stEnd
			}
		case opIsUndefined:
			if fr[in.t] != nil {
				return stEnd
			}
		case opArrayAppend:
			t, v := fr[in.t], val(fr, in.a)
			arr, ok := t.Value.(*ast.Array)
			if !ok || v == nil {
				return s.fail(errors.New("plan: append to a non-array"))
			}
			// the array was made by this evaluation and is only shared once complete
			t.Value = arr.Append(v)
		case opObjectInsert, opObjectInsertOnce:
			o, ok := fr[in.t].Value.(ast.Object)
			k, v := val(fr, in.a), val(fr, in.b)
			if !ok || k == nil || v == nil {
				return s.fail(errors.New("plan: insert into a non-object"))
			}
			if in.op == opObjectInsertOnce {
				if cur := o.Get(k); cur != nil && cur.Value.Compare(v.Value) != 0 {
					return s.conflict(in.loc)
				}
			}
			o.Insert(k, v)
		case opSetAdd:
			set, ok := fr[in.t].Value.(ast.Set)
			v := val(fr, in.a)
			if !ok || v == nil {
				return s.fail(errors.New("plan: add to a non-set"))
			}
			set.Add(v)
		case opResultSetAdd:
			s.result = append(s.result, fr[in.t])
		default:
			return s.fail(fmt.Errorf("plan: statement kind %d", in.op))
		}
	}
	return stDone
}

// scan runs the scan's block for every element of its source, following OPA's wasm
// compiler: breaking out of the block's own level continues with the next element, out of
// one more leaves the scan.
func (s *Session) scan(fr []*ast.Term, in *instr) int {
	src := fr[in.t]
	if src == nil {
		return stDone
	}
	body := in.blocks[0]
	step := func(k, v *ast.Term) int {
		if !s.tick() {
			return stError
		}
		fr[in.key], fr[in.val] = k, v
		st := s.exec(fr, body)
		if st <= 0 {
			return stDone
		}
		return st
	}
	// res is the scan's status: stDone to go on after it
	res := stDone
	stop := func(st int) bool {
		switch {
		case st == stDone:
			return false
		case st >= stReturn:
			res = st
		case st == 1:
			res = stDone
		default:
			res = st - 2
		}
		return true
	}
	switch v := src.Value.(type) {
	case *ast.Array:
		for i := range v.Len() {
			if stop(step(ast.InternedTerm(i), v.Elem(i))) {
				break
			}
		}
	case ast.Object:
		for _, k := range v.Keys() {
			if stop(step(k, v.Get(k))) {
				break
			}
		}
	case ast.Set:
		for _, e := range v.Slice() {
			if stop(step(e, e)) {
				break
			}
		}
	}
	return res
}

func dot(src, key *ast.Term) *ast.Term {
	switch v := src.Value.(type) {
	case ast.Object:
		return v.Get(key)
	case *ast.Array:
		return v.Get(key)
	case ast.Set:
		if v.Contains(key) {
			return key
		}
	}
	return nil
}

// builtin calls an OPA builtin as top-down does without strict builtin errors: an error is
// undefined, except a Halt error, which stops the evaluation.
func (s *Session) builtin(in *instr, fr []*ast.Term) (*ast.Term, int) {
	args := s.args[:0]
	for _, a := range in.args {
		v := val(fr, a)
		if v == nil {
			return nil, stDone
		}
		args = append(args, v)
	}
	s.args = args[:0]
	s.out = nil
	if err := in.bi.fn(s.bctx, args, s.iter); err != nil {
		var h topdown.Halt
		if errors.As(err, &h) {
			return nil, s.fail(fmt.Errorf("%s: %w", in.bi.name, h.Err))
		}
		return nil, stDone
	}
	r := s.out
	s.out = nil
	return r, stDone
}

// PlanName is the name of the plan of the deny set of the rule in package pkg (e.g.
// calint.rules.cal101 gives calint/rules/cal101/deny).
func PlanName(pkg string) string {
	return strings.ReplaceAll(pkg, ".", "/") + "/deny"
}
