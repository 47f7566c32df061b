package planeval_test

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

func storeOf(t *testing.T, data ast.Value) storage.Store {
	t.Helper()
	v, err := ast.JSON(data)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := v.(map[string]any)
	return inmem.NewFromObject(m)
}
