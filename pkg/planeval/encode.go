package planeval

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ir"
)

// magic starts every encoded plan; the digit is the format version.
const magic = "CALPLAN1"

// Statement opcodes of the encoding and the interpreter: one per ir statement kind the
// interpreter implements. Encode fails on any other kind, so a plan OPA emits with a new
// kind cannot be generated until the interpreter learns it.
const (
	opNop byte = iota + 1
	opReturnLocal
	opCall
	opBlock
	opBreak
	opDot
	opLen
	opScan
	opNot
	opAssignVar
	opAssignVarOnce
	opResetLocal
	opMakeNull
	opMakeNumberInt
	opMakeNumberRef
	opMakeArray
	opMakeObject
	opMakeSet
	opEqual
	opNotEqual
	opIsArray
	opIsObject
	opIsSet
	opIsDefined
	opIsUndefined
	opArrayAppend
	opObjectInsert
	opObjectInsertOnce
	opSetAdd
	opResultSetAdd
	opAssignInt
)

// Operand tags.
const (
	valLocal byte = iota
	valString
	valBool
)

type encoder struct {
	buf   []byte
	funcs map[string]int
	bis   map[string]int
	err   error
}

// Encode writes p in calint's compact binary plan format. It fails on a statement or value
// kind the interpreter does not implement (With, CallDynamic, ObjectMerge).
//
// source identifies what the plan was compiled from (a digest of the rule sources); Load
// gives it back as Program.Source, so a program can be checked against the rules it stands for.
func Encode(p *ir.Policy, source string) ([]byte, error) {
	if p == nil || p.Static == nil || p.Plans == nil || p.Funcs == nil {
		return nil, errors.New("encode plan: incomplete policy")
	}
	e := &encoder{buf: []byte(magic), funcs: map[string]int{}, bis: map[string]int{}}
	e.str(source)
	e.uint(len(p.Static.Strings))
	for _, s := range p.Static.Strings {
		e.str(s.Value)
	}
	e.uint(len(p.Static.Files))
	for _, s := range p.Static.Files {
		e.str(s.Value)
	}
	e.uint(len(p.Static.BuiltinFuncs))
	for i, b := range p.Static.BuiltinFuncs {
		e.str(b.Name)
		e.bis[b.Name] = i
	}
	// every function's name first, so calls can name any function by index
	e.uint(len(p.Funcs.Funcs))
	for i, f := range p.Funcs.Funcs {
		e.str(f.Name)
		e.funcs[f.Name] = i
	}
	for _, f := range p.Funcs.Funcs {
		e.uint(len(f.Params))
		for _, l := range f.Params {
			e.local(l)
		}
		e.local(f.Return)
		e.blocks(f.Blocks)
	}
	e.uint(len(p.Plans.Plans))
	for _, pl := range p.Plans.Plans {
		e.str(pl.Name)
		e.blocks(pl.Blocks)
	}
	if e.err != nil {
		return nil, fmt.Errorf("encode plan: %w", e.err)
	}
	return e.buf, nil
}

func (e *encoder) uint(n int) {
	if n < 0 {
		e.fail(fmt.Errorf("negative number %d", n))
		n = 0
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(n))
}

func (e *encoder) int(n int64)       { e.buf = binary.AppendVarint(e.buf, n) }
func (e *encoder) local(l ir.Local)  { e.uint(int(l)) }
func (e *encoder) op(b byte)         { e.buf = append(e.buf, b) }
func (e *encoder) str(s string)      { e.uint(len(s)); e.buf = append(e.buf, s...) }
func (e *encoder) loc(l ir.Location) { e.uint(l.File); e.uint(l.Row) }

func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *encoder) operand(o ir.Operand) {
	v := o.Value
	// plans decoded from JSON hold pointers
	switch x := v.(type) {
	case *ir.Local:
		v = *x
	case *ir.StringIndex:
		v = *x
	case *ir.Bool:
		v = *x
	}
	switch v := v.(type) {
	case ir.Local:
		e.op(valLocal)
		e.uint(int(v))
	case ir.StringIndex:
		e.op(valString)
		e.uint(int(v))
	case ir.Bool:
		e.op(valBool)
		if v {
			e.uint(1)
		} else {
			e.uint(0)
		}
	default:
		e.fail(fmt.Errorf("unsupported operand %T", o.Value))
	}
}

func (e *encoder) blocks(bs []*ir.Block) {
	e.uint(len(bs))
	for _, b := range bs {
		e.block(b)
	}
}

func (e *encoder) block(b *ir.Block) {
	e.uint(len(b.Stmts))
	for _, s := range b.Stmts {
		e.stmt(s)
	}
}

func (e *encoder) stmt(s ir.Stmt) {
	switch s := s.(type) {
	case *ir.NopStmt:
		e.op(opNop)
	case *ir.ReturnLocalStmt:
		e.op(opReturnLocal)
		e.local(s.Source)
	case *ir.CallStmt:
		e.op(opCall)
		e.loc(s.Location)
		if i, ok := e.funcs[s.Func]; ok {
			e.uint(2 * i)
		} else if i, ok := e.bis[s.Func]; ok {
			e.uint(2*i + 1)
		} else {
			e.fail(fmt.Errorf("call of an unknown function %q", s.Func))
		}
		e.uint(len(s.Args))
		for _, a := range s.Args {
			e.operand(a)
		}
		e.local(s.Result)
	case *ir.BlockStmt:
		e.op(opBlock)
		e.blocks(s.Blocks)
	case *ir.BreakStmt:
		e.op(opBreak)
		e.uint(int(s.Index))
	case *ir.DotStmt:
		e.op(opDot)
		e.operand(s.Source)
		e.operand(s.Key)
		e.local(s.Target)
	case *ir.LenStmt:
		e.op(opLen)
		e.operand(s.Source)
		e.local(s.Target)
	case *ir.ScanStmt:
		e.op(opScan)
		e.local(s.Source)
		e.local(s.Key)
		e.local(s.Value)
		e.block(s.Block)
	case *ir.NotStmt:
		e.op(opNot)
		e.block(s.Block)
	case *ir.AssignVarStmt:
		e.op(opAssignVar)
		e.operand(s.Source)
		e.local(s.Target)
	case *ir.AssignVarOnceStmt:
		e.op(opAssignVarOnce)
		e.loc(s.Location)
		e.operand(s.Source)
		e.local(s.Target)
	case *ir.ResetLocalStmt:
		e.op(opResetLocal)
		e.local(s.Target)
	case *ir.MakeNullStmt:
		e.op(opMakeNull)
		e.local(s.Target)
	case *ir.MakeNumberIntStmt:
		e.op(opMakeNumberInt)
		e.int(s.Value)
		e.local(s.Target)
	case *ir.AssignIntStmt:
		e.op(opAssignInt)
		e.int(s.Value)
		e.local(s.Target)
	case *ir.MakeNumberRefStmt:
		e.op(opMakeNumberRef)
		e.uint(s.Index)
		e.local(s.Target)
	case *ir.MakeArrayStmt:
		e.op(opMakeArray)
		e.uint(int(s.Capacity))
		e.local(s.Target)
	case *ir.MakeObjectStmt:
		e.op(opMakeObject)
		e.local(s.Target)
	case *ir.MakeSetStmt:
		e.op(opMakeSet)
		e.local(s.Target)
	case *ir.EqualStmt:
		e.op(opEqual)
		e.operand(s.A)
		e.operand(s.B)
	case *ir.NotEqualStmt:
		e.op(opNotEqual)
		e.operand(s.A)
		e.operand(s.B)
	case *ir.IsArrayStmt:
		e.op(opIsArray)
		e.operand(s.Source)
	case *ir.IsObjectStmt:
		e.op(opIsObject)
		e.operand(s.Source)
	case *ir.IsSetStmt:
		e.op(opIsSet)
		e.operand(s.Source)
	case *ir.IsDefinedStmt:
		e.op(opIsDefined)
		e.local(s.Source)
	case *ir.IsUndefinedStmt:
		e.op(opIsUndefined)
		e.local(s.Source)
	case *ir.ArrayAppendStmt:
		e.op(opArrayAppend)
		e.operand(s.Value)
		e.local(s.Array)
	case *ir.ObjectInsertStmt:
		e.op(opObjectInsert)
		e.operand(s.Key)
		e.operand(s.Value)
		e.local(s.Object)
	case *ir.ObjectInsertOnceStmt:
		e.op(opObjectInsertOnce)
		e.loc(s.Location)
		e.operand(s.Key)
		e.operand(s.Value)
		e.local(s.Object)
	case *ir.SetAddStmt:
		e.op(opSetAdd)
		e.operand(s.Value)
		e.local(s.Set)
	case *ir.ResultSetAddStmt:
		e.op(opResultSetAdd)
		e.local(s.Value)
	default:
		e.fail(fmt.Errorf("statement kind %T is not implemented by the interpreter", s))
	}
}
