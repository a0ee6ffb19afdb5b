package analytics

import (
	"cmp"
	"slices"

	"github.com/xiber/netos/models"
)

// TopN is how many circuits top_expensive and lowest_margin show.
const TopN = 10

// Every ranking breaks ties by label, then by ID (labels are unique only
// among live circuits), so the same data always gives the same list and
// pagination or golden files never flicker. Labels compare byte-wise.

// AtRiskCircuit is a circuit on the at-risk list with its renewal status.
type AtRiskCircuit struct {
	Circuit *models.Circuit
	Renewal RenewalInfo
}

// AtRisk is at_risk_circuits: live circuits in notice_due or notice_missed,
// nearest deadline first (see SortAtRisk). The whole list, not a top 10:
// every one needs a decision.
func AtRisk(circuits []*models.Circuit, today models.Date, p RenewalPolicy) []AtRiskCircuit {
	var out []AtRiskCircuit
	for _, c := range circuits {
		info := RenewalStatus(c, today, p)
		if IsAtRisk(info.State) {
			out = append(out, AtRiskCircuit{Circuit: c, Renewal: info})
		}
	}
	SortAtRisk(out)
	return out
}

// SortAtRisk orders by notice deadline, earliest date first, then label and
// ID. "Nearest" is by date, not by distance: a missed deadline is earlier
// than any due one and comes first, the longest overdue at the top, because
// its term end (and the renewal it lets through) is the closest.
func SortAtRisk(rows []AtRiskCircuit) {
	slices.SortStableFunc(rows, func(a, b AtRiskCircuit) int {
		if c := cmp.Compare(deadlineKey(a.Renewal), deadlineKey(b.Renewal)); c != 0 {
			return c
		}
		return byLabel(a.Circuit, b.Circuit)
	})
}

// deadlineKey sorts circuits without a deadline last.
func deadlineKey(info RenewalInfo) int64 {
	if info.Deadline == nil {
		return 1<<63 - 1
	}
	return info.Deadline.Time().Unix()
}

// TopExpensive is top_expensive: live billing circuits by MRC, highest
// first, ties by label; at most n of them (n ≤ 0 for all). The input is not
// reordered.
func TopExpensive(circuits []*models.Circuit, n int) []*models.Circuit {
	var out []*models.Circuit
	for _, c := range circuits {
		if isBilling(c) {
			out = append(out, c)
		}
	}
	SortByMRCDesc(out)
	return limit(out, n)
}

// SortByMRCDesc orders circuits by MRC, highest first, then label and ID.
func SortByMRCDesc(circuits []*models.Circuit) {
	slices.SortStableFunc(circuits, func(a, b *models.Circuit) int {
		if c := cmp.Compare(b.MRC, a.MRC); c != 0 {
			return c
		}
		return byLabel(a, b)
	})
}

// LowestMargin is lowest_margin: live billing circuits by attributed
// margin, lowest first, ties by label; at most n of them (n ≤ 0 for all).
// The input is not reordered.
func LowestMargin(rows []CircuitMargin, n int) []CircuitMargin {
	var out []CircuitMargin
	for _, r := range rows {
		if isBilling(r.Circuit) {
			out = append(out, r)
		}
	}
	SortByMarginAsc(out)
	return limit(out, n)
}

// SortByMarginAsc orders by margin, lowest first, then label and ID.
func SortByMarginAsc(rows []CircuitMargin) {
	slices.SortStableFunc(rows, func(a, b CircuitMargin) int {
		if c := cmp.Compare(a.Margin, b.Margin); c != 0 {
			return c
		}
		return byLabel(a.Circuit, b.Circuit)
	})
}

// StateCount is one entry of renewal_pipeline.
type StateCount struct {
	State string `json:"state"`
	Count int    `json:"count"`
}

// RenewalPipeline is renewal_pipeline: live circuits counted by renewal
// state, every state listed in models.RenewalStates order (zeros included, so
// the pipeline keeps its shape). Circuits without a term end have no state
// and are not counted.
func RenewalPipeline(circuits []*models.Circuit, today models.Date, p RenewalPolicy) []StateCount {
	counts := make(map[string]int, len(models.RenewalStates))
	for _, c := range circuits {
		if s := RenewalStatus(c, today, p).State; s != "" {
			counts[s]++
		}
	}
	out := make([]StateCount, len(models.RenewalStates))
	for i, s := range models.RenewalStates {
		out[i] = StateCount{State: s, Count: counts[s]}
	}
	return out
}

// RenewalWindowCount is the renewal_window_count KPI: live circuits whose
// effective term end falls within the renewal window (RenewalInfo.InWindow),
// whatever their state.
func RenewalWindowCount(circuits []*models.Circuit, today models.Date, p RenewalPolicy) int {
	n := 0
	for _, c := range circuits {
		if RenewalStatus(c, today, p).InWindow {
			n++
		}
	}
	return n
}

func byLabel(a, b *models.Circuit) int {
	if c := cmp.Compare(a.Label, b.Label); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

func limit[T any](s []T, n int) []T {
	if n > 0 && len(s) > n {
		return s[:n]
	}
	return s
}
