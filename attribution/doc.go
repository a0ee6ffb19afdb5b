// Package attribution is the NetOS attribution engine: a pure function from
// a snapshot of the live graph (Snapshot) to every figure of the
// attribution model (Report). spec/ATTRIBUTION.md is the contract; this
// package knows nothing of databases or transports.
//
// # Passes
//
// Compute resolves the snapshot into dense indices (Graph), orders the
// assets parents first (Kahn's algorithm; a cycle is a *CycleError), then
// makes one pass down for cost — each asset's pool, then each customer's
// cost, pulled from its parents — and one pass up for revenue, children
// before parents. Both are linear in nodes + links. Counting the distinct
// customers below each asset is not linear for every DAG; see downstream.go
// for why it is for networks shaped like networks. The rounded figures are
// kept per record; a record's P&L (CustomerPL, AssetPL…) and breakdowns
// (Parts, Children, Parents, ServingPaths, Tree) are views made when asked
// for.
//
// # Exactness
//
// Cost is exact: every amount is a rational number of cents (ratio), int64
// over int64 while it fits, a big fraction when allocation weights multiply
// past that. Revenue is carried in fixed point at 2^-128 cent: fixed.go says
// why exact rationals cannot be linear there, and how figures are snapped
// to 2^-64 cent so that exact whole and half cents come out exactly. The
// error, under 2^-60 cent, could change a reported cent only for an exact
// value that close to a rounding boundary without being on it. The revenue
// parts of one customer's cost are exact.
//
// # Rounding
//
// Only reported figures are rounded, to the cent, so that every reported
// whole is the sum of its reported parts:
//
//   - customers' costs, the pools of assets with no site children and the
//     counting items placed nowhere are rounded together by largest
//     remainder against the total cost, which is exact in cents; so
//     Σ cost(c) + stranded = Σ counting cost items, and each figure is its
//     exact value rounded down or up;
//   - the revenue of every cost item is rounded together against the
//     revenue of customers that have cost, so Σ revenue(i) + unattributed =
//     Σ revenue;
//   - a figure that is no part of a reported whole (the pool of an asset
//     that passes it on, the revenue reaching a pool) is rounded half up,
//     and the figures derived from it are differences of reported figures
//     (Inherited = Pool − Own − Attached; Margin = Revenue − Cost);
//   - breakdowns (Parts, Children) are rounded by largest remainder against
//     the reported figure they break down, when asked for.
//
// Among equal remainders the cent goes to customers first, then assets,
// electrical services, circuits and RF links, links, each by ID, so a
// report never depends on the order of the snapshot. One quantity shown in
// two breakdowns (a link's share in the parent's Children and in the
// child's Parts) is rounded in each and may differ by a cent between them.
//
// # Decisions where the spec is silent
//
//   - Revenue reaching an asset whose pool is 0: none can. What a child
//     passes up is in proportion to the share of the parent's pool in the
//     child's cost, which is 0, so revenue never stops at an empty pool;
//     such an asset's margin is 0 − 0. A customer whose cost is 0 keeps its
//     revenue, as unattributed revenue.
//   - An inactive customer has no revenue but carries the cost that reaches
//     it. Counts of customers (AssetPL.DownstreamCustomers,
//     ItemPL.CustomersServed) are of active customers.
//   - References to records not in the snapshot are ignored (the link is not
//     live; a transport counts as none; electrical counts nowhere).
//     Negative weights read as 0. A circuit or RF link placed more than once
//     keeps the placement of the link with the smallest ID. Two records of
//     one kind with the same ID are ErrSnapshot, as are amounts whose
//     magnitudes add up past 2^62 cents.
//   - The stranded worklist leaves out items whose exact amount is 0.
//   - Margin percentages are computed from the reported figures, to six
//     decimals, halves away from zero.
//   - ServingPaths returns at most MaxServingPaths paths (ServingPathCount
//     counts them all); Tree returns at most MaxTreeNodes nodes.
package attribution
