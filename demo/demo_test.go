package demo

import (
	"crypto/sha256"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/models"
)

var today = models.NewDate(2026, time.May, 20)

func TestBuildIsDeterministic(t *testing.T) {
	a, b := Build(today), Build(today)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds for the same day differ")
	}
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(ja) != sha256.Sum256(jb) {
		t.Fatal("two builds for the same day marshal differently")
	}

	t.Run("IDs do not depend on the day", func(t *testing.T) {
		later := Build(today.AddDays(40))
		if a.Customers[17].ID != later.Customers[17].ID || a.Links[50].ID != later.Links[50].ID {
			t.Error("IDs changed with the day")
		}
	})
}

func TestBuildCounts(t *testing.T) {
	n := Build(today)
	sites := map[string]int{}
	for _, a := range n.Assets {
		sites[a.SiteType]++
	}
	if sites["data_center"] != 2 || sites["pop"] != 4 {
		t.Errorf("sites = %v, want 2 data centers and 4 POPs", sites)
	}
	if c := sites["tower"]; c < 25 || c > 35 {
		t.Errorf("%d towers, want 25–35", c)
	}
	if c := len(n.Customers); c < 280 || c > 320 {
		t.Errorf("%d customers, want 280–320", c)
	}
	if len(n.Circuits) < 40 {
		t.Errorf("%d circuits, want at least 40", len(n.Circuits))
	}

	carriers := map[string]bool{}
	activeLumenWaves := 0
	lumenID := providerIDByName(n, "Lumen")
	for _, c := range n.Circuits {
		for _, p := range n.Providers {
			if p.ID == c.CarrierID {
				carriers[p.Name] = true
			}
		}
		if c.CarrierID == lumenID && c.ServiceType == "wave" && c.Status == "active" {
			activeLumenWaves++
		}
	}
	for _, want := range []string{"Lumen", "Zayo", "Cogent", "Windstream", "Spectrum"} {
		if !carriers[want] {
			t.Errorf("no circuit of %s", want)
		}
	}
	if activeLumenWaves < 3 {
		t.Errorf("%d active Lumen waves, want at least 3", activeLumenWaves)
	}

	statuses := map[string]int{}
	states := map[string]bool{}
	for _, c := range n.Customers {
		statuses[c.Status]++
		states[c.State] = true
		if c.MRR < usd(79) || c.MRR > usd(4500) {
			t.Errorf("customer %q: MRR %s outside $79–$4,500", c.Name, c.MRR)
		}
	}
	if statuses["active"] < len(n.Customers)*8/10 || statuses["planned"] == 0 || statuses["inactive"] == 0 {
		t.Errorf("customer statuses %v: want mostly active, some planned and inactive", statuses)
	}
	if len(states) < 3 {
		t.Errorf("customers in states %v, want some over the Ohio line", states)
	}
}

func providerIDByName(n *Network, name string) string {
	for _, p := range n.Providers {
		if p.Name == name {
			return p.ID
		}
	}
	return ""
}

func TestValidatePasses(t *testing.T) {
	// Month ends and a leap day exercise the date arithmetic of the terms.
	for _, d := range []models.Date{
		today,
		models.NewDate(2026, time.January, 31),
		models.NewDate(2028, time.February, 29),
		models.NewDate(2030, time.December, 31),
	} {
		t.Run(d.String(), func(t *testing.T) {
			if err := Build(d).Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEveryRecordHasItsBookkeeping(t *testing.T) {
	n := Build(today)
	stamp := today.Time()
	nv := reflect.ValueOf(n).Elem()
	for i := range nv.NumField() {
		slice := nv.Field(i)
		for j := range slice.Len() {
			rec := slice.Index(j).FieldByName("Record")
			if !rec.IsValid() {
				continue // circuit events carry only an ID and created_at
			}
			r := rec.Interface().(models.Record)
			if r.ID == "" || r.Version != 1 || r.DeletedAt != nil || !r.CreatedAt.Equal(stamp) || !r.UpdatedAt.Equal(stamp) {
				t.Errorf("%s[%d]: record %+v", nv.Type().Field(i).Name, j, r)
			}
		}
	}
	for _, e := range n.Events {
		if e.ID == "" || !e.CreatedAt.Equal(stamp) {
			t.Errorf("event %+v: missing id or created_at", e)
		}
	}
}

func TestTermEndsAreSpreadOverTwoYears(t *testing.T) {
	n := Build(today)
	first, last := today.AddDays(-60), today.AddDays(730)
	buckets := map[string]int{}
	for _, c := range n.Circuits {
		if c.TermEnd == nil {
			if termRuns(c.Status) {
				t.Errorf("%s is %s but has no term", c.Label, c.Status)
			}
			continue
		}
		end := *c.TermEnd
		if end.Before(first) || end.After(last) {
			t.Errorf("%s: term end %s outside [%s, %s]", c.Label, end, first, last)
		}
		if c.TermStart == nil || !c.TermStart.Before(today) {
			t.Errorf("%s: term start %v is not in the past", c.Label, c.TermStart)
		}
		switch days := today.DaysUntil(end); {
		case days < 0:
			buckets["passed"]++
		case days <= 30:
			buckets["30 days"]++
		case days <= 180:
			buckets["180 days"]++
		case days <= 365:
			buckets["a year"]++
		default:
			buckets["two years"]++
		}
	}
	for _, b := range []string{"passed", "30 days", "180 days", "a year", "two years"} {
		if buckets[b] < 2 {
			t.Errorf("term ends by bucket %v: want at least two in %q", buckets, b)
		}
	}
}

func TestLifecycleEventsLeadToTheStatus(t *testing.T) {
	n := Build(today)
	byCircuit := map[string][]models.CircuitEvent{}
	for _, e := range n.Events {
		byCircuit[e.CircuitID] = append(byCircuit[e.CircuitID], e)
	}
	for _, c := range n.Circuits {
		events := byCircuit[c.ID]
		if c.Status == "quoted" {
			if len(events) != 0 {
				t.Errorf("%s: quoted circuit with history", c.Label)
			}
			continue
		}
		if len(events) == 0 {
			t.Errorf("%s: %s circuit without history", c.Label, c.Status)
			continue
		}
		from := "quoted"
		var prev models.Date
		for i, e := range events {
			if e.FromValue != from || e.ToValue != e.EventType {
				t.Errorf("%s: event %d goes %s → %s after %s", c.Label, i, e.FromValue, e.ToValue, from)
			}
			if !e.EventDate.Before(today) || (i > 0 && !prev.Before(e.EventDate)) {
				t.Errorf("%s: event %s on %s out of order or not before today", c.Label, e.EventType, e.EventDate)
			}
			if e.EventType == "active" && (c.TermStart == nil || e.EventDate != *c.TermStart) {
				t.Errorf("%s: activated %s, term starts %v", c.Label, e.EventDate, c.TermStart)
			}
			from, prev = e.ToValue, e.EventDate
		}
		if from != c.Status {
			t.Errorf("%s: history ends in %s, status is %s", c.Label, from, c.Status)
		}
	}
}

// graph is the site hierarchy of a network, for the tests.
type graph struct {
	children map[string][]string
	parents  map[string][]models.SubtendedLink
	placed   map[string]bool
}

func graphOf(n *Network) graph {
	g := graph{children: map[string][]string{}, parents: map[string][]models.SubtendedLink{}, placed: map[string]bool{}}
	for _, l := range n.Links {
		if l.IsSiteLink() {
			g.children[l.ParentID] = append(g.children[l.ParentID], l.ChildID)
			g.parents[l.ChildID] = append(g.parents[l.ChildID], l)
		} else {
			g.placed[l.ChildID] = true
		}
		if l.TransportID != nil {
			g.placed[*l.TransportID] = true
		}
	}
	return g
}

func TestEveryCustomerIsReachableFromADataCenter(t *testing.T) {
	n := Build(today)
	g := graphOf(n)
	reached := map[string]bool{}
	var queue []string
	for _, a := range n.Assets {
		if a.SiteType == "data_center" {
			if len(g.parents[a.ID]) != 0 {
				t.Errorf("data center %q has a parent", a.Name)
			}
			queue = append(queue, a.ID)
			reached[a.ID] = true
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, c := range g.children[id] {
			if !reached[c] {
				reached[c] = true
				queue = append(queue, c)
			}
		}
	}
	for _, c := range n.Customers {
		if !reached[c.ID] {
			t.Errorf("customer %q is not served from a data center", c.Name)
		}
	}
	for _, a := range n.Assets {
		if !reached[a.ID] {
			t.Errorf("asset %q is not served from a data center", a.Name)
		}
	}
}

func TestWorklistHasOneStrandedAssetAndOneUnplacedCircuit(t *testing.T) {
	n := Build(today)
	g := graphOf(n)

	var stranded []string
	for _, a := range n.Assets {
		if len(g.children[a.ID]) == 0 {
			stranded = append(stranded, a.Name)
		}
	}
	if !slices.Equal(stranded, []string{StrandedAssetName}) {
		t.Errorf("assets without site children = %v, want only %s", stranded, StrandedAssetName)
	}

	var unplaced []string
	for _, c := range n.Circuits {
		if models.CircuitBills(c.Status) && !g.placed[c.ID] {
			unplaced = append(unplaced, c.Label)
		}
	}
	if !slices.Equal(unplaced, []string{UnplacedCircuitLabel}) {
		t.Errorf("billing circuits placed nowhere = %v, want only %s", unplaced, UnplacedCircuitLabel)
	}
	for _, l := range n.RFLinks {
		if l.Status == "active" && !g.placed[l.ID] {
			t.Errorf("active RF link %q is placed nowhere", l.Name)
		}
	}
}

func TestWashingtonCourtHouseIsDualHomed(t *testing.T) {
	n := Build(today)
	g := graphOf(n)
	var wch string
	for _, a := range n.Assets {
		if a.Name == DualHomedAssetName {
			wch = a.ID
		}
	}
	var weights []string
	for _, l := range g.parents[wch] {
		weights = append(weights, l.AllocationWeight.String())
	}
	slices.Sort(weights)
	if !slices.Equal(weights, []string{"1", "2"}) {
		t.Errorf("Washington Court House parent weights = %v, want 1 and 2", weights)
	}
}

func TestRadioCustomersAreNearTheirTower(t *testing.T) {
	n := Build(today)
	assets := map[string]models.InfrastructureAsset{}
	for _, a := range n.Assets {
		assets[a.ID] = a
	}
	customers := map[string]models.Customer{}
	for _, c := range n.Customers {
		customers[c.ID] = c
	}
	for _, l := range n.RFLinks {
		if l.ZCustomerID == nil {
			continue
		}
		a, c := assets[l.AInfrastructureID], customers[*l.ZCustomerID]
		if d := km(*a.Lat, *a.Lng, *c.Lat, *c.Lng); d > 40 {
			t.Errorf("customer %q is %.0f km from %s", c.Name, d, a.Name)
		}
	}
}

// km is the great-circle distance between two points.
func km(lat1, lng1, lat2, lng2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLng := (lat2-lat1)*rad, (lng2-lng1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * 6371 * math.Asin(math.Sqrt(h))
}

func TestSingleSiteCircuitsHaveNoZ(t *testing.T) {
	for _, c := range Build(today).Circuits {
		if models.IsSingleSite(c.ServiceType) && !c.Z().IsEmpty() {
			t.Errorf("%s (%s) has a Z end", c.Label, c.ServiceType)
		}
		if !models.IsSingleSite(c.ServiceType) && c.Z().IsEmpty() {
			t.Errorf("%s (%s) has no Z end", c.Label, c.ServiceType)
		}
		if c.A().InfrastructureID == nil {
			t.Errorf("%s: A end is not on an asset", c.Label)
		}
	}
}

func TestValidateRejectsBrokenNetworks(t *testing.T) {
	// find returns the index of the first link that matches.
	find := func(n *Network, match func(models.SubtendedLink) bool) int {
		for i, l := range n.Links {
			if match(l) {
				return i
			}
		}
		t.Fatal("no such link")
		return -1
	}
	isEndlinkLink := func(l models.SubtendedLink) bool {
		return l.ChildKind == models.KindCustomer && l.TransportKind != nil && *l.TransportKind == models.KindRFLink
	}
	isTowerLink := func(l models.SubtendedLink) bool { return l.ChildKind == models.KindInfrastructure }

	tests := []struct {
		name   string
		breaks func(n *Network)
		want   string
	}{
		{"a cycle is refused with its path", func(n *Network) {
			l := n.Links[find(n, isTowerLink)]
			l.ID, l.ParentID, l.ChildID, l.TransportKind, l.TransportID = "cycle", l.ChildID, l.ParentID, nil, nil
			n.Links = append(n.Links, l)
		}, "cycle"},
		{"a customer is never a parent", func(n *Network) {
			l := n.Links[find(n, isEndlinkLink)]
			l.ID, l.ParentID, l.ChildKind, l.ChildID, l.TransportKind, l.TransportID = "cust-parent", l.ChildID, models.KindInfrastructure, n.Assets[9].ID, nil, nil
			n.Links = append(n.Links, l)
		}, "is not an asset"},
		{"a (parent, child) pair appears once", func(n *Network) {
			l := n.Links[find(n, isTowerLink)]
			l.ID, l.TransportKind, l.TransportID = "twice", nil, nil
			n.Links = append(n.Links, l)
		}, "already linked"},
		{"a circuit is not both child and transport", func(n *Network) {
			l := n.Links[find(n, func(l models.SubtendedLink) bool {
				return l.TransportKind != nil && *l.TransportKind == models.KindCircuit
			})]
			n.Links = append(n.Links, models.SubtendedLink{
				Record: models.Record{ID: "again"}, ParentID: l.ChildID, ChildKind: models.KindCircuit, ChildID: *l.TransportID,
			})
		}, "placed twice"},
		{"an endlink needs its subtended link", func(n *Network) {
			i := find(n, isEndlinkLink)
			n.Links = slices.Delete(n.Links, i, i+1)
		}, "without its subtended link"},
		{"a source node uses a ptmp_base system", func(n *Network) {
			for i := range n.RFLinks {
				if n.RFLinks[i].Topology == models.TopologyPtMPSource {
					n.RFLinks[i].RFSystemID = n.RFSystems[0].ID // PTP 820S
					return
				}
			}
		}, "source node on ptp system"},
		{"a subscriber must suit its source", func(n *Network) {
			for i := range n.RFLinks {
				l := &n.RFLinks[i]
				if l.Topology == models.TopologyPtMPClient && strings.Contains(l.Name, "ePMP") {
					l.RFSystemID = newID("rf-system", taranaRN)
					return
				}
			}
		}, "is not compatible with source"},
		{"a DIA circuit has no Z", func(n *Network) {
			for i := range n.Circuits {
				if n.Circuits[i].ServiceType == "dia" {
					n.Circuits[i].ZName = "somewhere"
					return
				}
			}
		}, "single-site"},
		{"provider names are unique case-insensitively", func(n *Network) {
			p := n.Providers[0]
			p.ID, p.Name, p.NameKey = "dup", strings.ToUpper(p.Name), strings.ToLower(p.Name)
			n.Providers = append(n.Providers, p)
		}, "not unique"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Build(today)
			tt.breaks(n)
			err := n.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
