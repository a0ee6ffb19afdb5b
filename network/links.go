package network

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

func (s *Service) linkKind() *kind[models.SubtendedLink, *models.SubtendedLink] {
	return &kind[models.SubtendedLink, *models.SubtendedLink]{
		entity:   "subtended_link",
		schema:   LinkSchema,
		graph:    true,
		defaults: func(l *models.SubtendedLink) { l.AllocationWeight = models.DecimalFromInt(1) },
		prepare: func(ctx context.Context, tx bun.IDB, l *models.SubtendedLink, _ Values, _ *models.SubtendedLink) error {
			return s.checkLink(ctx, tx, l)
		},
	}
}

// checkLink enforces every write rule of the hierarchy (ATTRIBUTION.md §1)
// on a link about to be stored: live references of the right kinds (422),
// no duplicate pair and single placement of circuits and RF links (409), and
// no cycle among sites (409, with the path that would close it).
func (s *Service) checkLink(ctx context.Context, tx bun.IDB, l *models.SubtendedLink) error {
	if err := store.LockHierarchy(ctx, tx); err != nil {
		return err
	}
	if l.ParentID == "" {
		return models.Invalid("parent_infrastructure_id", "missing", "is required")
	}
	if _, err := s.liveSite(ctx, tx, models.KindInfrastructure, l.ParentID, "parent_infrastructure_id"); err != nil {
		return err
	}
	if l.ChildKind == models.KindInfrastructure && l.ChildID == l.ParentID {
		return models.Invalid("child_id", "value_error", "a site is never its own child")
	}
	if err := s.liveNode(ctx, tx, l.ChildKind, l.ChildID, "child_id"); err != nil {
		return err
	}
	if err := checkTransportShape(l); err != nil {
		return err
	}
	if l.TransportID != nil {
		if err := s.liveNode(ctx, tx, *l.TransportKind, *l.TransportID, "transport_id"); err != nil {
			return err
		}
	}
	if dup, err := store.LiveLinkBetween(ctx, tx, l.ParentID, l.ChildKind, l.ChildID); err != nil {
		return err
	} else if dup != "" && dup != l.ID {
		return models.Conflict("subtended link %s already links %s to this %s", dup, l.ParentID, l.ChildKind)
	}
	for _, item := range placedItems(l) {
		if err := s.checkUnplaced(ctx, tx, item.kind, item.id, l.ID); err != nil {
			return err
		}
	}
	if l.ChildKind == models.KindInfrastructure {
		return s.checkAcyclic(ctx, tx, l.ParentID, l.ChildID, l.ID)
	}
	return nil
}

func checkTransportShape(l *models.SubtendedLink) error {
	if (l.TransportKind == nil) != (l.TransportID == nil) {
		return models.Invalid("transport_id", "value_error", "transport_kind and transport_id go together")
	}
	if l.TransportID != nil && !l.IsSiteLink() {
		return models.Invalid("transport_id", "value_error", "only a link whose child is a site (infrastructure or customer) has a transport")
	}
	return nil
}

type placedItem struct{ kind, id string }

// placedItems lists the circuits and RF links a link places: its child (when
// an item) or its transport.
func placedItems(l *models.SubtendedLink) []placedItem {
	var out []placedItem
	if !l.IsSiteLink() {
		out = append(out, placedItem{l.ChildKind, l.ChildID})
	}
	if l.TransportID != nil {
		out = append(out, placedItem{*l.TransportKind, *l.TransportID})
	}
	return out
}

// checkUnplaced refuses to place an item that a live link other than self
// already places, as child or as transport.
func (s *Service) checkUnplaced(ctx context.Context, tx bun.IDB, itemKind, itemID, self string) error {
	placements, err := store.LivePlacements(ctx, tx, itemID)
	if err != nil {
		return err
	}
	for _, p := range placements {
		if p.ID == self {
			continue
		}
		how := "as the child"
		if p.TransportID != nil && *p.TransportID == itemID {
			how = "as the transport"
		}
		return models.Conflict("%s %s is already placed %s of subtended link %s", strings.ReplaceAll(itemKind, "_", " "), itemID, how, p.ID)
	}
	return nil
}

// checkAcyclic refuses parent → child when child already reaches parent.
func (s *Service) checkAcyclic(ctx context.Context, tx bun.IDB, parent, child, self string) error {
	edges, err := store.LiveSiteEdges(ctx, tx, self)
	if err != nil {
		return err
	}
	down := map[string][]string{}
	for _, e := range edges {
		down[e.ParentID] = append(down[e.ParentID], e.ChildID)
	}
	// Breadth-first from child, remembering how each asset was reached.
	from := map[string]string{child: ""}
	queue := []string{child}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n == parent {
			// Walk back to child: chain reads child → … → parent; the new
			// link in front closes it: parent → child → … → parent.
			chain := []string{parent}
			for at := parent; from[at] != ""; at = from[at] {
				chain = append([]string{from[at]}, chain...)
			}
			path := append([]string{parent}, chain...)
			return &models.ConflictError{
				Message: fmt.Sprintf("linking %s → %s would close a cycle: %s", parent, child, strings.Join(path, " → ")),
				Path:    path,
			}
		}
		for _, c := range down[n] {
			if _, seen := from[c]; !seen {
				from[c] = n
				queue = append(queue, c)
			}
		}
	}
	return nil
}

// liveNode checks that a hierarchy node of the given kind exists and is live.
func (s *Service) liveNode(ctx context.Context, tx bun.IDB, nodeKind, id, field string) error {
	var err error
	switch nodeKind {
	case models.KindInfrastructure, models.KindCustomer:
		_, err = s.liveSite(ctx, tx, nodeKind, id, field)
		return err
	case models.KindCircuit:
		_, err = store.Get[models.Circuit](ctx, tx, id)
	case models.KindRFLink:
		_, err = store.Get[models.RFLink](ctx, tx, id)
	default:
		return models.Invalid(field, "value_error", "unknown kind %q", nodeKind)
	}
	return refError(err, field, strings.ReplaceAll(nodeKind, "_", " "), id)
}

// withParent adds the parent named by the REST path to a link's values.
func withParent(parentID string, v Values) (Values, error) {
	if p, ok := v["parent_infrastructure_id"]; ok && p != parentID {
		return nil, models.Invalid("parent_infrastructure_id", "value_error", "must match the parent in the path")
	}
	out := Values{"parent_infrastructure_id": parentID}
	for k, x := range v {
		out[k] = x
	}
	return out, nil
}

// CreateLink adds a subtended link under parentID ("" when v names the
// parent itself, as GraphQL input does).
func (s *Service) CreateLink(ctx context.Context, parentID string, v Values) (*models.SubtendedLink, error) {
	if parentID != "" {
		var err error
		if v, err = withParent(parentID, v); err != nil {
			return nil, err
		}
	}
	return create(ctx, s, s.linkKind(), v)
}

// UpdateLink changes a link; with parentID given, the link must hang under
// that parent (ErrNotFound otherwise).
func (s *Service) UpdateLink(ctx context.Context, parentID, id string, v Values, ifVersion *int64) (*models.SubtendedLink, error) {
	if err := s.linkUnder(ctx, parentID, id); err != nil {
		return nil, err
	}
	return update(ctx, s, s.linkKind(), id, v, ifVersion)
}

// DeleteLink soft-deletes a link.
func (s *Service) DeleteLink(ctx context.Context, parentID, id string, ifVersion *int64) error {
	if err := s.linkUnder(ctx, parentID, id); err != nil {
		return err
	}
	return remove(ctx, s, s.linkKind(), id, ifVersion)
}

func (s *Service) linkUnder(ctx context.Context, parentID, id string) error {
	// The role check comes first so that a reader cannot probe which link
	// IDs exist under a parent.
	if _, err := auth.RequireWrite(ctx); err != nil {
		return err
	}
	if parentID == "" {
		return nil
	}
	l, err := store.Get[models.SubtendedLink](ctx, s.db, id)
	if err != nil {
		return err
	}
	if l.ParentID != parentID {
		return models.NotFound("subtended link", id)
	}
	return nil
}

// Link loads one live subtended link.
func (s *Service) Link(ctx context.Context, id string) (*models.SubtendedLink, error) {
	return get[models.SubtendedLink](ctx, s, id)
}

// Links lists subtended links.
func (s *Service) Links(ctx context.Context, f store.LinkFilter) ([]models.SubtendedLink, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListLinks(ctx, s.db, f)
}
