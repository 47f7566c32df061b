// Package planeval evaluates the built-in rules from a compiled OPA IR plan (rules/rules.plan)
// instead of top-down Rego; pkg/engine uses it behind its Evaluator seam.
package planeval
