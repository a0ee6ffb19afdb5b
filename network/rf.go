package network

import (
	"context"
	"slices"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

func (s *Service) rfSystemKind() *kind[models.RFSystem, *models.RFSystem] {
	return &kind[models.RFSystem, *models.RFSystem]{
		entity:   "rf_system",
		schema:   RFSystemSchema,
		defaults: func(r *models.RFSystem) { r.CompatibleBaseSystemIDs = []string{} },
		prepare: func(ctx context.Context, tx bun.IDB, r *models.RFSystem, _ Values, _ *models.RFSystem) error {
			if (r.LinkType == models.TopologyPTP) != (r.EquipmentRole == models.RolePTP) {
				return models.Invalid("equipment_role", "value_error", "link_type ptp goes with equipment_role ptp; ptmp with ptmp_base or ptmp_subscriber")
			}
			if r.CompatibleBaseSystemIDs == nil {
				r.CompatibleBaseSystemIDs = []string{}
			}
			if len(r.CompatibleBaseSystemIDs) == 0 {
				return nil
			}
			if r.EquipmentRole != models.RolePtMPSubscriber {
				return models.Invalid("compatible_base_system_ids", "value_error", "only a ptmp_subscriber system lists compatible base systems")
			}
			bases, err := store.GetMany[models.RFSystem](ctx, tx, r.CompatibleBaseSystemIDs)
			if err != nil {
				return err
			}
			for _, id := range r.CompatibleBaseSystemIDs {
				i := slices.IndexFunc(bases, func(b models.RFSystem) bool { return b.ID == id })
				if i < 0 || bases[i].EquipmentRole != models.RolePtMPBase {
					return models.Invalid("compatible_base_system_ids", "reference", "%s is not a live ptmp_base RF system", id)
				}
			}
			return nil
		},
		beforeDelete: func(ctx context.Context, tx bun.IDB, r *models.RFSystem) error {
			_, n, err := store.ListRFLinks(ctx, tx, store.RFLinkFilter{RFSystemID: r.ID, Page: store.Page{Limit: 1}})
			if err != nil {
				return err
			}
			if n > 0 {
				return models.Conflict("RF system %s is used by %d live RF links", r.Name, n)
			}
			return nil
		},
	}
}

// CreateRFSystem adds a system to the catalogue.
func (s *Service) CreateRFSystem(ctx context.Context, v Values) (*models.RFSystem, error) {
	return create(ctx, s, s.rfSystemKind(), v)
}

// UpdateRFSystem changes a catalogue entry.
func (s *Service) UpdateRFSystem(ctx context.Context, id string, v Values, ifVersion *int64) (*models.RFSystem, error) {
	return update(ctx, s, s.rfSystemKind(), id, v, ifVersion)
}

// DeleteRFSystem soft-deletes a system no live RF link uses (ErrConflict otherwise).
func (s *Service) DeleteRFSystem(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, s.rfSystemKind(), id, ifVersion)
}

// RFSystem loads one live RF system.
func (s *Service) RFSystem(ctx context.Context, id string) (*models.RFSystem, error) {
	return get[models.RFSystem](ctx, s, id)
}

// RFSystems lists the catalogue.
func (s *Service) RFSystems(ctx context.Context, f store.RFSystemFilter) ([]models.RFSystem, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListRFSystems(ctx, s.db, f)
}

func (s *Service) rfLinkKind() *kind[models.RFLink, *models.RFLink] {
	return &kind[models.RFLink, *models.RFLink]{
		entity:   "rf_link",
		schema:   RFLinkSchema,
		graph:    true,
		defaults: func(l *models.RFLink) { l.Status = models.StatusActive },
		prepare:  s.prepareRFLink,
		after:    s.syncEndlink,
		beforeDelete: func(ctx context.Context, tx bun.IDB, l *models.RFLink) error {
			if l.Topology != models.TopologyPtMPSource {
				return nil
			}
			_, n, err := store.ListRFLinks(ctx, tx, store.RFLinkFilter{PtMPSourceID: l.ID, Page: store.Page{Limit: 1}})
			if err != nil {
				return err
			}
			if n > 0 {
				return models.Conflict("PtMP source node %s still serves %d live client links", l.Name, n)
			}
			return nil
		},
		afterDelete: func(ctx context.Context, tx bun.IDB, l *models.RFLink) error {
			return s.dropTransport(ctx, tx, l.ID)
		},
	}
}

// prepareRFLink derives topology and link kind and enforces the RF rules:
// the Z end each topology needs, and the equipment role of the system (PtMP
// source nodes on ptmp_base systems, clients on ptmp_subscriber systems
// compatible with their source's base).
func (s *Service) prepareRFLink(ctx context.Context, tx bun.IDB, l *models.RFLink, v Values, before *models.RFLink) error {
	sys, err := store.Get[models.RFSystem](ctx, tx, l.RFSystemID)
	if err != nil {
		return refError(err, "rf_system_id", "RF system", l.RFSystemID)
	}
	if _, err := s.liveSite(ctx, tx, models.KindInfrastructure, l.AInfrastructureID, "a_infrastructure_id"); err != nil {
		return err
	}
	if before == nil && !v.Has("topology") {
		l.Topology = defaultTopology(l, sys)
	}
	if before == nil && !v.Has("mrc_usd") {
		l.MRC = sys.MonthlyCost
	}
	if err := checkTopology(l, sys); err != nil {
		return err
	}
	switch {
	case l.ZInfrastructureID != nil:
		if _, err := s.liveSite(ctx, tx, models.KindInfrastructure, *l.ZInfrastructureID, "z_infrastructure_id"); err != nil {
			return err
		}
	case l.ZCustomerID != nil:
		if _, err := s.liveSite(ctx, tx, models.KindCustomer, *l.ZCustomerID, "z_customer_id"); err != nil {
			return err
		}
	}
	if l.Topology == models.TopologyPtMPClient {
		if err := s.checkPtMPSource(ctx, tx, l, sys); err != nil {
			return err
		}
	}
	l.LinkKind = linkKindOf(l)
	return nil
}

func defaultTopology(l *models.RFLink, sys *models.RFSystem) string {
	switch {
	case l.ZCustomerID != nil && l.PtMPSourceID != nil:
		return models.TopologyPtMPClient
	case l.ZCustomerID == nil && l.ZInfrastructureID == nil && sys.EquipmentRole == models.RolePtMPBase:
		return models.TopologyPtMPSource
	}
	return models.TopologyPTP
}

func checkTopology(l *models.RFLink, sys *models.RFSystem) error {
	var p models.Problems
	switch l.Topology {
	case models.TopologyPTP:
		if (l.ZInfrastructureID == nil) == (l.ZCustomerID == nil) {
			p.Add("z_infrastructure_id", "missing", "a ptp link needs exactly one Z end: z_infrastructure_id or z_customer_id")
		}
		if l.PtMPSourceID != nil {
			p.Add("ptmp_source_id", "value_error", "only a ptmp_client link names a source node")
		}
		if sys.EquipmentRole != models.RolePTP {
			p.Add("rf_system_id", "value_error", "a ptp link uses an RF system with equipment_role ptp")
		}
		if l.ZInfrastructureID != nil && *l.ZInfrastructureID == l.AInfrastructureID {
			p.Add("z_infrastructure_id", "value_error", "must differ from a_infrastructure_id")
		}
	case models.TopologyPtMPSource:
		if l.ZInfrastructureID != nil || l.ZCustomerID != nil {
			p.Add("z_infrastructure_id", "value_error", "a PtMP source node has no Z end")
		}
		if l.PtMPSourceID != nil {
			p.Add("ptmp_source_id", "value_error", "only a ptmp_client link names a source node")
		}
		if sys.EquipmentRole != models.RolePtMPBase {
			p.Add("rf_system_id", "value_error", "a PtMP source node uses an RF system with equipment_role ptmp_base")
		}
	case models.TopologyPtMPClient:
		if l.ZCustomerID == nil {
			p.Add("z_customer_id", "missing", "a ptmp_client link serves a customer")
		}
		if l.ZInfrastructureID != nil {
			p.Add("z_infrastructure_id", "value_error", "a ptmp_client link ends at a customer, not an asset")
		}
		if l.PtMPSourceID == nil {
			p.Add("ptmp_source_id", "missing", "a ptmp_client link names its PtMP source node")
		}
		if sys.EquipmentRole != models.RolePtMPSubscriber {
			p.Add("rf_system_id", "value_error", "a ptmp_client link uses an RF system with equipment_role ptmp_subscriber")
		}
	}
	return p.Err()
}

func (s *Service) checkPtMPSource(ctx context.Context, tx bun.IDB, l *models.RFLink, sys *models.RFSystem) error {
	src, err := store.Get[models.RFLink](ctx, tx, *l.PtMPSourceID)
	if err != nil {
		return refError(err, "ptmp_source_id", "RF link", *l.PtMPSourceID)
	}
	if src.Topology != models.TopologyPtMPSource {
		return models.Invalid("ptmp_source_id", "value_error", "RF link %s is not a PtMP source node", src.ID)
	}
	if src.AInfrastructureID != l.AInfrastructureID {
		return models.Invalid("a_infrastructure_id", "value_error", "must be the source node's asset %s", src.AInfrastructureID)
	}
	if len(sys.CompatibleBaseSystemIDs) > 0 && !slices.Contains(sys.CompatibleBaseSystemIDs, src.RFSystemID) {
		return models.Invalid("rf_system_id", "value_error", "subscriber system %s is not compatible with the source node's base system %s", sys.Name, src.RFSystemID)
	}
	return nil
}

func linkKindOf(l *models.RFLink) string {
	switch {
	case l.ZCustomerID != nil:
		return models.LinkKindEndlink
	case l.Topology == models.TopologyPtMPSource:
		return models.LinkKindSourceNode
	}
	return models.LinkKindBackhaul
}

// syncEndlink keeps the hierarchy in step with a customer endlink: the link
// A-end asset → customer carries this RF link as its transport, created when
// missing. When the endlink moves or stops being one, the old link loses it.
func (s *Service) syncEndlink(ctx context.Context, tx bun.IDB, l *models.RFLink, before *models.RFLink) error {
	wasEndlink := before != nil && before.ZCustomerID != nil
	moved := wasEndlink && (l.ZCustomerID == nil || *before.ZCustomerID != *l.ZCustomerID || before.AInfrastructureID != l.AInfrastructureID)
	if moved {
		if err := s.dropTransport(ctx, tx, l.ID); err != nil {
			return err
		}
	}
	if l.ZCustomerID == nil {
		return nil
	}
	transport := Values{"transport_kind": models.KindRFLink, "transport_id": l.ID}
	existing, err := store.LiveLinkBetween(ctx, tx, l.AInfrastructureID, models.KindCustomer, *l.ZCustomerID)
	if err != nil {
		return err
	}
	if existing == "" {
		transport["parent_infrastructure_id"] = l.AInfrastructureID
		transport["child_kind"] = models.KindCustomer
		transport["child_id"] = *l.ZCustomerID
		_, err = createOne(ctx, tx, s, s.linkKind(), transport)
		return err
	}
	_, err = updateOne(ctx, tx, s, s.linkKind(), existing, transport, nil, "update")
	return err
}

// dropTransport removes an RF link as the transport of every link using it.
func (s *Service) dropTransport(ctx context.Context, tx bun.IDB, itemID string) error {
	links, err := store.LinksWithTransport(ctx, tx, itemID)
	if err != nil {
		return err
	}
	for _, ln := range links {
		if _, err := updateOne(ctx, tx, s, s.linkKind(), ln.ID, Values{"transport_kind": nil, "transport_id": nil}, nil, "update"); err != nil {
			return err
		}
	}
	return nil
}

// CreateRFLink adds an RF link; a customer endlink also joins the hierarchy.
func (s *Service) CreateRFLink(ctx context.Context, v Values) (*models.RFLink, error) {
	return create(ctx, s, s.rfLinkKind(), v)
}

// UpdateRFLink changes an RF link and re-syncs its endlink.
func (s *Service) UpdateRFLink(ctx context.Context, id string, v Values, ifVersion *int64) (*models.RFLink, error) {
	return update(ctx, s, s.rfLinkKind(), id, v, ifVersion)
}

// DeleteRFLink soft-deletes an RF link and removes it as transport.
func (s *Service) DeleteRFLink(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, s.rfLinkKind(), id, ifVersion)
}

// RFLink loads one live RF link.
func (s *Service) RFLink(ctx context.Context, id string) (*models.RFLink, error) {
	return get[models.RFLink](ctx, s, id)
}

// RFLinks lists RF links.
func (s *Service) RFLinks(ctx context.Context, f store.RFLinkFilter) ([]models.RFLink, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListRFLinks(ctx, s.db, f)
}
