package scalars

// The abstract GraphQL types bind to empty interfaces: the domain records
// live in models and must not know about GraphQL, so they cannot carry the
// marker methods gqlgen would otherwise generate. The generated code
// type-switches on the concrete record pointers.
type (
	// Node is any record with an ID.
	Node interface{}
	// HierarchyNode is the child of a subtended link.
	HierarchyNode interface{}
	// Transport carries a subtended link.
	Transport interface{}
)
