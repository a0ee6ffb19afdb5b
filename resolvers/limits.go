package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits on one operation, besides the complexity limit and the parser's
// token limit.
const (
	MaxDepth   = 12
	MaxAliases = 200
)

// shapeLimit refuses operations nested deeper than MaxDepth fields or
// using more than MaxAliases aliases. Introspection (__schema, __type) is
// exempt from the depth count: its type references nest deeper by design
// and its cost is bounded by the schema.
type shapeLimit struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = shapeLimit{}

// ExtensionName names the extension.
func (shapeLimit) ExtensionName() string { return "ShapeLimit" }

// Validate accepts any schema.
func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation before it runs.
func (shapeLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := &shapeWalker{doc: oc.Doc}
	depth := w.depth(oc.Operation.SelectionSet, 0)
	if depth > MaxDepth {
		return &gqlerror.Error{Message: fmt.Sprintf("operation is nested %d levels deep; at most %d are allowed", depth, MaxDepth),
			Extensions: map[string]any{"code": "QUERY_TOO_DEEP"}}
	}
	if w.aliases > MaxAliases {
		return &gqlerror.Error{Message: fmt.Sprintf("operation uses %d aliases; at most %d are allowed", w.aliases, MaxAliases),
			Extensions: map[string]any{"code": "TOO_MANY_ALIASES"}}
	}
	return nil
}

type shapeWalker struct {
	doc     *ast.QueryDocument
	aliases int
}

// depth is the deepest field nesting under set; it stops descending past
// the limit, so fragment cycles (which validation rejects anyway) end.
func (w *shapeWalker) depth(set ast.SelectionSet, at int) int {
	if at > MaxDepth {
		return at
	}
	deepest := at
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				w.aliases++
			}
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d = w.depth(s.SelectionSet, at+1)
		case *ast.InlineFragment:
			d = w.depth(s.SelectionSet, at)
		case *ast.FragmentSpread:
			if f := w.doc.Fragments.ForName(s.Name); f != nil {
				d = w.depth(f.SelectionSet, at)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
