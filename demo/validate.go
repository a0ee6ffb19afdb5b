package demo

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// Validate checks the network against the rules the services enforce on
// every write: enumerations and references; the hierarchy rules of
// spec/ATTRIBUTION.md §1 (acyclic, customers never parents, one link per
// (parent, child), each circuit or RF link placed at most once); and the RF
// rules (backhauls join two assets over a PTP system, source nodes use a
// ptmp_base system, clients a ptmp_subscriber system compatible with their
// source's, every customer endlink has the subtended link its sync makes).
// It returns every problem found, joined, or nil.
func (n *Network) Validate() error {
	v := &validation{n: n}
	v.index()
	v.checkProviders()
	v.checkSites()
	v.checkCircuits()
	v.checkRFSystems()
	v.checkRFLinks()
	v.checkElectrical()
	v.checkLinks()
	v.checkAcyclic()
	v.checkEndlinkSync()
	return errors.Join(v.errs...)
}

type validation struct {
	n    *Network
	errs []error

	ids       map[string]bool
	providers map[string]*models.ServiceProvider
	assets    map[string]*models.InfrastructureAsset
	customers map[string]*models.Customer
	circuits  map[string]*models.Circuit
	systems   map[string]*models.RFSystem
	rfLinks   map[string]*models.RFLink
}

func (v *validation) bad(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

// index maps every record by ID and checks that IDs are unique.
func (v *validation) index() {
	v.ids = map[string]bool{}
	seen := func(kind, id string) {
		if id == "" {
			v.bad("%s with an empty id", kind)
		}
		if v.ids[id] {
			v.bad("%s %s: id used twice", kind, id)
		}
		v.ids[id] = true
	}
	v.providers = map[string]*models.ServiceProvider{}
	for i := range v.n.Providers {
		p := &v.n.Providers[i]
		seen("provider", p.ID)
		v.providers[p.ID] = p
	}
	v.assets = map[string]*models.InfrastructureAsset{}
	for i := range v.n.Assets {
		a := &v.n.Assets[i]
		seen("asset", a.ID)
		v.assets[a.ID] = a
	}
	v.customers = map[string]*models.Customer{}
	for i := range v.n.Customers {
		c := &v.n.Customers[i]
		seen("customer", c.ID)
		v.customers[c.ID] = c
	}
	v.circuits = map[string]*models.Circuit{}
	for i := range v.n.Circuits {
		c := &v.n.Circuits[i]
		seen("circuit", c.ID)
		v.circuits[c.ID] = c
	}
	for i := range v.n.Events {
		seen("circuit event", v.n.Events[i].ID)
	}
	v.systems = map[string]*models.RFSystem{}
	for i := range v.n.RFSystems {
		s := &v.n.RFSystems[i]
		seen("RF system", s.ID)
		v.systems[s.ID] = s
	}
	v.rfLinks = map[string]*models.RFLink{}
	for i := range v.n.RFLinks {
		l := &v.n.RFLinks[i]
		seen("RF link", l.ID)
		v.rfLinks[l.ID] = l
	}
	for i := range v.n.Electrical {
		seen("electrical service", v.n.Electrical[i].ID)
	}
	for i := range v.n.Links {
		seen("subtended link", v.n.Links[i].ID)
	}
}

func (v *validation) checkProviders() {
	keys := map[string]bool{}
	for _, p := range v.n.Providers {
		want := strings.ToLower(strings.TrimSpace(p.Name))
		if p.NameKey != want {
			v.bad("provider %q: name_key %q, want %q", p.Name, p.NameKey, want)
		}
		if keys[want] {
			v.bad("provider %q: name not unique (case-insensitive)", p.Name)
		}
		keys[want] = true
		if !models.OneOf(p.ProviderType, models.ProviderTypes) {
			v.bad("provider %q: provider_type %q", p.Name, p.ProviderType)
		}
	}
}

func (v *validation) checkSites() {
	for _, a := range v.n.Assets {
		if !models.OneOf(a.SiteType, models.SiteTypes) || !models.OneOf(a.Status, models.SiteStatuses) {
			v.bad("asset %q: site_type %q / status %q", a.Name, a.SiteType, a.Status)
		}
		if a.ProviderID != nil && v.providers[*a.ProviderID] == nil {
			v.bad("asset %q: unknown provider %s", a.Name, *a.ProviderID)
		}
	}
	for _, c := range v.n.Customers {
		if !models.OneOf(c.CustomerType, models.CustomerTypes) || !models.OneOf(c.Status, models.SiteStatuses) {
			v.bad("customer %q: customer_type %q / status %q", c.Name, c.CustomerType, c.Status)
		}
	}
}

func (v *validation) checkCircuits() {
	labels := map[string]bool{}
	for _, c := range v.n.Circuits {
		if labels[c.Label] {
			v.bad("circuit %s: label used twice", c.Label)
		}
		labels[c.Label] = true
		if v.providers[c.CarrierID] == nil {
			v.bad("circuit %s: unknown carrier %s", c.Label, c.CarrierID)
		}
		if !models.OneOf(c.ServiceType, models.ServiceTypes) || !models.OneOf(c.Status, models.CircuitStatuses) {
			v.bad("circuit %s: service_type %q / status %q", c.Label, c.ServiceType, c.Status)
		}
		if c.RenewalType != "" && !models.OneOf(c.RenewalType, models.RenewalTypes) {
			v.bad("circuit %s: renewal_type %q", c.Label, c.RenewalType)
		}
		if models.IsSingleSite(c.ServiceType) && !c.Z().IsEmpty() {
			v.bad("circuit %s: %s is single-site but has a Z endpoint", c.Label, c.ServiceType)
		}
		for _, end := range []models.Endpoint{c.A(), c.Z()} {
			if end.InfrastructureID != nil && v.assets[*end.InfrastructureID] == nil {
				v.bad("circuit %s: endpoint names unknown asset %s", c.Label, *end.InfrastructureID)
			}
			if end.CustomerID != nil && v.customers[*end.CustomerID] == nil {
				v.bad("circuit %s: endpoint names unknown customer %s", c.Label, *end.CustomerID)
			}
		}
		if c.ETF != nil && c.ETFPct != nil {
			v.bad("circuit %s: both a fixed and a percentage ETF", c.Label)
		}
		if c.TermStart != nil && c.TermEnd != nil && c.TermEnd.Before(*c.TermStart) {
			v.bad("circuit %s: term ends before it starts", c.Label)
		}
	}
	for _, e := range v.n.Events {
		if v.circuits[e.CircuitID] == nil {
			v.bad("circuit event %s: unknown circuit %s", e.ID, e.CircuitID)
		}
		if !models.OneOf(e.EventType, models.CircuitStatuses) || e.ToValue != e.EventType {
			v.bad("circuit event %s: event_type %q to_value %q", e.ID, e.EventType, e.ToValue)
		}
	}
}

func (v *validation) checkRFSystems() {
	for _, s := range v.n.RFSystems {
		if !models.OneOf(s.LinkType, models.RFLinkTypes) || !models.OneOf(s.EquipmentRole, models.RFEquipmentRoles) {
			v.bad("RF system %q: link_type %q / equipment_role %q", s.Name, s.LinkType, s.EquipmentRole)
		}
		if (s.EquipmentRole == models.RolePTP) != (s.LinkType == "ptp") {
			v.bad("RF system %q: role %s does not fit link type %s", s.Name, s.EquipmentRole, s.LinkType)
		}
		if s.CompatibleBaseSystemIDs == nil {
			v.bad("RF system %q: compatible_base_system_ids is nil (stored as null)", s.Name)
		}
		if len(s.CompatibleBaseSystemIDs) > 0 && s.EquipmentRole != models.RolePtMPSubscriber {
			v.bad("RF system %q: only subscribers list compatible base systems", s.Name)
		}
		for _, id := range s.CompatibleBaseSystemIDs {
			if base := v.systems[id]; base == nil || base.EquipmentRole != models.RolePtMPBase {
				v.bad("RF system %q: compatible system %s is not a ptmp_base system", s.Name, id)
			}
		}
	}
}

func (v *validation) checkRFLinks() {
	for _, l := range v.n.RFLinks {
		sys := v.systems[l.RFSystemID]
		if sys == nil {
			v.bad("RF link %q: unknown RF system %s", l.Name, l.RFSystemID)
			continue
		}
		if v.assets[l.AInfrastructureID] == nil {
			v.bad("RF link %q: unknown A asset %s", l.Name, l.AInfrastructureID)
		}
		if !models.OneOf(l.Status, models.SiteStatuses) {
			v.bad("RF link %q: status %q", l.Name, l.Status)
		}
		switch l.Topology {
		case models.TopologyPTP:
			if l.LinkKind != models.LinkKindBackhaul || l.ZInfrastructureID == nil || l.ZCustomerID != nil || l.PtMPSourceID != nil {
				v.bad("RF link %q: a ptp link is a backhaul between two assets", l.Name)
			} else if v.assets[*l.ZInfrastructureID] == nil || *l.ZInfrastructureID == l.AInfrastructureID {
				v.bad("RF link %q: Z asset %s unknown or the same as A", l.Name, *l.ZInfrastructureID)
			}
			if sys.EquipmentRole != models.RolePTP {
				v.bad("RF link %q: backhaul on %s system %q", l.Name, sys.EquipmentRole, sys.Name)
			}
		case models.TopologyPtMPSource:
			if l.LinkKind != models.LinkKindSourceNode || l.ZInfrastructureID != nil || l.ZCustomerID != nil || l.PtMPSourceID != nil {
				v.bad("RF link %q: a source node has no Z end and no source", l.Name)
			}
			if sys.EquipmentRole != models.RolePtMPBase {
				v.bad("RF link %q: source node on %s system %q", l.Name, sys.EquipmentRole, sys.Name)
			}
		case models.TopologyPtMPClient:
			if l.LinkKind != models.LinkKindEndlink || l.ZCustomerID == nil || l.ZInfrastructureID != nil || l.PtMPSourceID == nil {
				v.bad("RF link %q: a client link runs to a customer from a source node", l.Name)
				continue
			}
			if v.customers[*l.ZCustomerID] == nil {
				v.bad("RF link %q: unknown customer %s", l.Name, *l.ZCustomerID)
			}
			if sys.EquipmentRole != models.RolePtMPSubscriber {
				v.bad("RF link %q: client on %s system %q", l.Name, sys.EquipmentRole, sys.Name)
			}
			src := v.rfLinks[*l.PtMPSourceID]
			switch {
			case src == nil || src.Topology != models.TopologyPtMPSource:
				v.bad("RF link %q: ptmp_source_id %s is not a source node", l.Name, *l.PtMPSourceID)
			case src.AInfrastructureID != l.AInfrastructureID:
				v.bad("RF link %q: source node %q is on another asset", l.Name, src.Name)
			case len(sys.CompatibleBaseSystemIDs) > 0 && !slices.Contains(sys.CompatibleBaseSystemIDs, src.RFSystemID):
				v.bad("RF link %q: subscriber %q is not compatible with source %q", l.Name, sys.Name, src.Name)
			}
		default:
			v.bad("RF link %q: topology %q", l.Name, l.Topology)
		}
	}
}

func (v *validation) checkElectrical() {
	for _, e := range v.n.Electrical {
		switch {
		case (e.InfrastructureID == nil) == (e.CustomerID == nil):
			v.bad("electrical service %s: needs exactly one of infrastructure_id and customer_id", e.ID)
		case e.InfrastructureID != nil && v.assets[*e.InfrastructureID] == nil:
			v.bad("electrical service %s: unknown asset %s", e.ID, *e.InfrastructureID)
		case e.CustomerID != nil && v.customers[*e.CustomerID] == nil:
			v.bad("electrical service %s: unknown customer %s", e.ID, *e.CustomerID)
		}
		if e.ProviderID != nil && v.providers[*e.ProviderID] == nil {
			v.bad("electrical service %s: unknown provider %s", e.ID, *e.ProviderID)
		}
	}
}

// checkLinks checks each subtended link on its own and the placement rule.
func (v *validation) checkLinks() {
	pairs := map[[2]string]bool{}
	placed := map[string]string{} // circuit or RF link ID → where it is placed
	place := func(l *models.SubtendedLink, id, as string) {
		if where, dup := placed[id]; dup {
			v.bad("subtended link %s: %s is placed twice (%s, and %s)", l.ID, id, where, as)
		}
		placed[id] = as
	}
	for i := range v.n.Links {
		l := &v.n.Links[i]
		if v.assets[l.ParentID] == nil {
			v.bad("subtended link %s: parent %s is not an asset", l.ID, l.ParentID)
		}
		if l.ChildID == l.ParentID {
			v.bad("subtended link %s: a site is never its own child", l.ID)
		}
		if !v.exists(l.ChildKind, l.ChildID) {
			v.bad("subtended link %s: no %s %s", l.ID, l.ChildKind, l.ChildID)
		}
		pair := [2]string{l.ParentID, l.ChildID}
		if pairs[pair] {
			v.bad("subtended link %s: parent and child already linked", l.ID)
		}
		pairs[pair] = true
		if l.AllocationWeight < 0 {
			v.bad("subtended link %s: negative weight", l.ID)
		}
		if l.ChildKind == models.KindCircuit || l.ChildKind == models.KindRFLink {
			place(l, l.ChildID, "child of "+l.ParentID)
		}
		if (l.TransportKind == nil) != (l.TransportID == nil) {
			v.bad("subtended link %s: transport kind and id go together", l.ID)
			continue
		}
		if l.TransportKind == nil {
			continue
		}
		if !l.IsSiteLink() {
			v.bad("subtended link %s: only a site link has a transport", l.ID)
		}
		if !models.OneOf(*l.TransportKind, models.TransportKinds) || !v.exists(*l.TransportKind, *l.TransportID) {
			v.bad("subtended link %s: no %s %s to serve as transport", l.ID, *l.TransportKind, *l.TransportID)
			continue
		}
		place(l, *l.TransportID, "transport of "+l.ParentID+" → "+l.ChildID)
		v.checkTransportJoins(l)
	}
}

// checkTransportJoins checks that a transport runs between the parent and the
// child it serves: a backhaul from parent to child, a circuit with the two
// sites as its ends. (Endlinks are checked by checkEndlinkSync.)
func (v *validation) checkTransportJoins(l *models.SubtendedLink) {
	switch *l.TransportKind {
	case models.KindRFLink:
		r := v.rfLinks[*l.TransportID]
		if r.Topology == models.TopologyPTP &&
			(r.AInfrastructureID != l.ParentID || r.ZInfrastructureID == nil || *r.ZInfrastructureID != l.ChildID) {
			v.bad("subtended link %s: backhaul %q does not run from parent to child", l.ID, r.Name)
		}
		if r.Topology == models.TopologyPtMPSource {
			v.bad("subtended link %s: source node %q cannot be a transport", l.ID, r.Name)
		}
	case models.KindCircuit:
		c := v.circuits[*l.TransportID]
		ends := []string{}
		for _, e := range []models.Endpoint{c.A(), c.Z()} {
			if e.InfrastructureID != nil {
				ends = append(ends, *e.InfrastructureID)
			}
			if e.CustomerID != nil {
				ends = append(ends, *e.CustomerID)
			}
		}
		if !slices.Contains(ends, l.ParentID) || !slices.Contains(ends, l.ChildID) {
			v.bad("subtended link %s: circuit %s does not join parent and child", l.ID, c.Label)
		}
	}
}

func (v *validation) exists(kind, id string) bool {
	switch kind {
	case models.KindInfrastructure:
		return v.assets[id] != nil
	case models.KindCustomer:
		return v.customers[id] != nil
	case models.KindCircuit:
		return v.circuits[id] != nil
	case models.KindRFLink:
		return v.rfLinks[id] != nil
	}
	return false
}

// checkAcyclic checks that the site links form a DAG and names a cycle if not.
func (v *validation) checkAcyclic() {
	children := map[string][]string{}
	for _, l := range v.n.Links {
		if l.ChildKind == models.KindInfrastructure {
			children[l.ParentID] = append(children[l.ParentID], l.ChildID)
		}
	}
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(id string) bool
	visit = func(id string) bool {
		state[id] = open
		path = append(path, id)
		for _, c := range children[id] {
			switch state[c] {
			case open:
				start := slices.Index(path, c)
				v.bad("subtended links form a cycle: %s", v.names(append(slices.Clone(path[start:]), c)))
				return false
			case unseen:
				if !visit(c) {
					return false
				}
			}
		}
		path = path[:len(path)-1]
		state[id] = done
		return true
	}
	for _, a := range v.n.Assets {
		if state[a.ID] == unseen && !visit(a.ID) {
			return
		}
	}
}

func (v *validation) names(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if a := v.assets[id]; a != nil {
			names[i] = a.Name
		}
	}
	return strings.Join(names, " → ")
}

// checkEndlinkSync checks that each customer endlink has exactly the link the
// RF endlink sync makes, and that no link claims an endlink it does not
// match.
func (v *validation) checkEndlinkSync() {
	byTransport := map[string]*models.SubtendedLink{}
	for i := range v.n.Links {
		l := &v.n.Links[i]
		if l.TransportKind != nil && *l.TransportKind == models.KindRFLink {
			byTransport[*l.TransportID] = l
		}
	}
	for _, r := range v.n.RFLinks {
		isEndlink := r.Topology == models.TopologyPtMPClient && r.ZCustomerID != nil
		l := byTransport[r.ID]
		switch {
		case isEndlink && l == nil:
			v.bad("RF link %q: customer endlink without its subtended link", r.Name)
		case isEndlink && (l.ParentID != r.AInfrastructureID || l.ChildKind != models.KindCustomer || l.ChildID != *r.ZCustomerID):
			v.bad("RF link %q: its subtended link does not match A asset → customer", r.Name)
		case !isEndlink && l != nil && l.ChildKind == models.KindCustomer:
			v.bad("subtended link %s: customer served over %q, which is not an endlink", l.ID, r.Name)
		}
	}
}
