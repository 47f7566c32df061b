package planeval

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// optimize rewrites the loaded program without changing what it computes:
//
//   - a set, object or array built only from constants (a literal such as {"a", "b"} in a
//     rule body) is built once at load: the statements that built it on every evaluation
//     become one assignment of the prebuilt, never mutated, value;
//   - a plan that only calls its rule's function and wraps the value as {"result": v} calls
//     the function directly (entry);
//   - functions that never read the input, directly or through what they call, are marked;
//     Bind computes those that are rules (functions of input and data only) once per data
//     document.
func (p *Program) optimize() {
	for _, f := range p.funcs {
		for _, b := range f.blocks {
			foldBlocks(f, b)
		}
	}
	for _, f := range p.plans {
		for _, b := range f.blocks {
			foldBlocks(f, b)
		}
		f.entry = entryOf(f)
	}
	p.markInputFree()
}

// foldBlocks folds constant composites in b and its nested blocks.
func foldBlocks(f *function, b block) {
	for i := range b {
		for _, nb := range b[i].blocks {
			foldBlocks(f, nb)
		}
	}
	for i := range b {
		in := &b[i]
		if in.op != opMakeSet && in.op != opMakeObject && in.op != opMakeArray {
			continue
		}
		t := in.t
		// the statements right after it that add constants to it
		j := i + 1
		for j < len(b) && addsConstantTo(&b[j], t) {
			j++
		}
		if makes, adds := uses(f, t); makes != 1 || adds != j-i-1 {
			continue // built elsewhere too, or given non-constant elements later
		}
		k := build(in, b[i+1:j])
		if k == nil {
			continue
		}
		b[i] = instr{op: opAssignVar, a: operand{local: -1, k: k}, b: noOperand, t: t}
		for x := i + 1; x < j; x++ {
			b[x] = instr{op: opNop, t: -1, a: noOperand, b: noOperand}
		}
	}
}

func addsConstantTo(in *instr, t int32) bool {
	switch in.op {
	case opSetAdd, opArrayAppend:
		return in.t == t && in.a.local < 0
	case opObjectInsert, opObjectInsertOnce:
		return in.t == t && in.a.local < 0 && in.b.local < 0
	}
	return false
}

// uses counts the statements of f that make local t a new composite, and that add to it.
func uses(f *function, t int32) (makes, adds int) {
	var walk func(b block)
	walk = func(b block) {
		for i := range b {
			in := &b[i]
			if in.t == t {
				switch in.op {
				case opMakeSet, opMakeObject, opMakeArray:
					makes++
				case opSetAdd, opArrayAppend, opObjectInsert, opObjectInsertOnce:
					adds++
				}
			}
			for _, nb := range in.blocks {
				walk(nb)
			}
		}
	}
	for _, b := range f.blocks {
		walk(b)
	}
	return makes, adds
}

// build makes the composite of mk with the constant elements of adds; nil when it would be
// a conflict (left to happen at run time, with its error).
func build(mk *instr, adds []instr) *ast.Term {
	switch mk.op {
	case opMakeSet:
		s := ast.NewSet()
		for _, a := range adds {
			s.Add(a.a.k)
		}
		return ast.NewTerm(s)
	case opMakeArray:
		elems := make([]*ast.Term, len(adds))
		for i, a := range adds {
			elems[i] = a.a.k
		}
		return ast.ArrayTerm(elems...)
	case opMakeObject:
		o := ast.NewObject()
		for _, a := range adds {
			if cur := o.Get(a.a.k); cur != nil && a.op == opObjectInsertOnce && cur.Value.Compare(a.b.k.Value) != 0 {
				return nil
			}
			o.Insert(a.a.k, a.b.k)
		}
		return ast.NewTerm(o)
	}
	return nil
}

// entryOf returns the function a plan only calls and wraps as {"result": value}, or nil.
func entryOf(f *function) *function {
	if len(f.blocks) != 1 || len(f.blocks[0]) != 5 {
		return nil
	}
	b := f.blocks[0]
	call, assign, mk, ins, add := &b[0], &b[1], &b[2], &b[3], &b[4]
	if call.op != opCall || call.fn == nil || len(call.args) != 2 || call.args[0].local != 0 || call.args[1].local != 1 ||
		assign.op != opAssignVar || assign.a.local != call.t ||
		mk.op != opMakeObject || ins.op != opObjectInsert || ins.t != mk.t || ins.b.local != assign.t ||
		ins.a.k == nil || ins.a.k.Value.Compare(ast.String("result")) != 0 ||
		add.op != opResultSetAdd || add.t != mk.t {
		return nil
	}
	return call.fn
}

// markInputFree marks the functions whose value does not depend on the input: they read
// the input only to pass it on to input-free functions (every planned function gets the
// input and data as its first two arguments).
func (p *Program) markInputFree() {
	free := make([]bool, len(p.funcs))
	for i := range free {
		free[i] = true
	}
	for changed := true; changed; {
		changed = false
		for i, f := range p.funcs {
			if free[i] && readsInput(f, free) {
				free[i] = false
				changed = true
			}
		}
	}
	p.inputFree = free
}

// readsInput reports whether f reads its input (local 0) other than by passing it as the
// input of a function that free says does not read it.
func readsInput(f *function, free []bool) bool {
	reads := func(o operand) bool { return o.local == 0 }
	var walk func(b block) bool
	walk = func(b block) bool {
		for i := range b {
			in := &b[i]
			switch in.op {
			case opCall:
				for j, a := range in.args {
					if !reads(a) {
						continue
					}
					if j != 0 || in.fn == nil || !free[in.fn.index] {
						return true
					}
				}
			case opScan, opIsDefined, opIsUndefined, opReturnLocal, opResultSetAdd:
				if in.t == 0 {
					return true
				}
			case opArrayAppend, opSetAdd, opObjectInsert, opObjectInsertOnce:
				if in.t == 0 || reads(in.a) || reads(in.b) {
					return true
				}
			case opAssignVar, opAssignVarOnce:
				// the input assigned to another local would be read through it
				if reads(in.a) {
					return true
				}
			default:
				if reads(in.a) || reads(in.b) {
					return true
				}
			}
			for _, nb := range in.blocks {
				if walk(nb) {
					return true
				}
			}
		}
		return false
	}
	for _, b := range f.blocks {
		if walk(b) {
			return true
		}
	}
	return false
}
