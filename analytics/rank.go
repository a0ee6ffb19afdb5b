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
		if r := renewalOf(c, today, p); IsAtRisk(r.state) {
			out = append(out, AtRiskCircuit{Circuit: c, Renewal: r.info()})
		}
	}
	SortAtRisk(out)
	return out
}

// RenewalOverview is the renewal part of the dashboard, from one renewal
// status per circuit: RenewalPipeline, RenewalWindowCount and AtRisk.
type RenewalOverview struct {
	Pipeline    []StateCount
	WindowCount int
	AtRisk      []AtRiskCircuit
}

// Renewals computes RenewalPipeline, RenewalWindowCount and AtRisk of
// circuits in one pass, working out each circuit's status once.
func Renewals(circuits []*models.Circuit, today models.Date, p RenewalPolicy) RenewalOverview {
	return renewalsOf(termsOf(circuits), today, p)
}

// term is what the renewal state of a live circuit with a term end needs,
// prepared once: the stored term end and its notice deadline as Unix
// seconds, so that on a day when the term has not rolled the state is a
// matter of integer subtraction (as daysBetween computes it).
type term struct {
	c            *models.Circuit
	end          models.Date
	endUnix      int64
	deadlineUnix int64
	rolls        bool // rollsForward(c)
	monthly      bool // renewal type month_to_month
	manual       string
}

func termsOf(circuits []*models.Circuit) []term {
	var out []term
	for _, c := range circuits {
		if c == nil || c.DeletedAt != nil || !isSet(c.TermEnd) {
			continue
		}
		end := *c.TermEnd
		t := term{c: c, end: end, endUnix: end.Time().Unix(), deadlineUnix: deadlineOf(end, c.NoticeDays).Time().Unix(),
			rolls: rollsForward(c), monthly: c.RenewalType == renewalTypeMonthly}
		switch c.RenewalState {
		case StateNegotiating, StateTerminating, StateNoticeSent, StateRenewed:
			t.manual = c.RenewalState
		}
		out = append(out, t)
	}
	return out
}

// status is renewalOf(t.c, today, p)'s state and InWindow.
func (t *term) status(today models.Date, todayUnix int64, p RenewalPolicy) (string, bool) {
	if t.rolls && today.After(t.end) {
		r := renewalOf(t.c, today, p)
		return r.state, r.inWindow
	}
	toEnd := int((t.endUnix - todayUnix) / 86400)
	toDeadline := int((t.deadlineUnix - todayUnix) / 86400)
	inWindow := toEnd >= 0 && toEnd <= p.windowDays()
	switch t.manual {
	case StateNegotiating, StateTerminating:
		return t.manual, inWindow
	case StateNoticeSent:
		if toEnd >= 0 {
			return StateNoticeSent, inWindow
		}
		return StateExpired, inWindow
	}
	var state string
	switch {
	case toEnd < 0:
		state = StateExpired
		if t.monthly {
			state = StateMonthToMonth
		}
	case toDeadline < 0:
		state = StateNoticeMissed
	case toDeadline <= NoticeDueDays:
		state = StateNoticeDue
	case toEnd <= p.windowDays():
		state = StateInWindow
	case t.manual == StateRenewed:
		state = StateRenewed
	default:
		state = StateNotDue
	}
	return state, inWindow
}

// renewalsOf is Renewals of prepared terms. The at-risk list is sorted on
// keys worked out once per row, with the row's position as the last tie
// break: the order SortAtRisk gives.
func renewalsOf(terms []term, today models.Date, p RenewalPolicy) RenewalOverview {
	var counts [len(pipelineStates)]int
	var out RenewalOverview
	todayUnix := today.Time().Unix()
	type atRisk struct {
		deadline int64
		c        *models.Circuit
		pos      int
	}
	var risky []atRisk
	for i := range terms {
		t := &terms[i]
		state, inWindow := t.status(today, todayUnix, p)
		if inWindow {
			out.WindowCount++
		}
		counts[pipelineIndex(state)]++
		if IsAtRisk(state) {
			r := renewalOf(t.c, today, p)
			risky = append(risky, atRisk{deadline: r.deadline.Time().Unix(), c: t.c, pos: len(risky)})
			out.AtRisk = append(out.AtRisk, AtRiskCircuit{Circuit: t.c, Renewal: r.info()})
		}
	}
	slices.SortFunc(risky, func(a, b atRisk) int {
		if c := cmp.Compare(a.deadline, b.deadline); c != 0 {
			return c
		}
		if c := byLabel(a.c, b.c); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	if len(risky) > 0 {
		sorted := make([]AtRiskCircuit, len(risky))
		for i, r := range risky {
			sorted[i] = out.AtRisk[r.pos]
		}
		out.AtRisk = sorted
	}
	out.Pipeline = pipelineOf(&counts)
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
	if n > 0 {
		for _, c := range circuits {
			if isBilling(c) {
				out = keepFirst(out, c, n, byMRCDesc)
			}
		}
		return out
	}
	for _, c := range circuits {
		if isBilling(c) {
			out = append(out, c)
		}
	}
	SortByMRCDesc(out)
	return out
}

// keepFirst adds x to top, the first (at most n) elements of what it has
// seen in cmp order, kept sorted. An element equal to one already there
// goes after it, so the result is what a stable sort of everything seen,
// cut to n, gives.
func keepFirst[T any](top []T, x T, n int, cmp func(a, b T) int) []T {
	if len(top) == n && cmp(x, top[n-1]) >= 0 {
		return top
	}
	// The first position whose element sorts after x.
	i, _ := slices.BinarySearchFunc(top, x, func(e, x T) int {
		if cmp(e, x) <= 0 {
			return -1
		}
		return 1
	})
	if len(top) < n {
		top = append(top, x)
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = x
	return top
}

func byMRCDesc(a, b *models.Circuit) int {
	if c := cmp.Compare(b.MRC, a.MRC); c != 0 {
		return c
	}
	return byLabel(a, b)
}

func byMarginAsc(a, b CircuitMargin) int {
	if c := cmp.Compare(a.Margin, b.Margin); c != 0 {
		return c
	}
	return byLabel(a.Circuit, b.Circuit)
}

// SortByMRCDesc orders circuits by MRC, highest first, then label and ID.
func SortByMRCDesc(circuits []*models.Circuit) {
	slices.SortStableFunc(circuits, byMRCDesc)
}

// LowestMargin is lowest_margin: live billing circuits by attributed
// margin, lowest first, ties by label; at most n of them (n ≤ 0 for all).
// The input is not reordered.
func LowestMargin(rows []CircuitMargin, n int) []CircuitMargin {
	var out []CircuitMargin
	if n > 0 {
		for _, r := range rows {
			if isBilling(r.Circuit) {
				out = keepFirst(out, r, n, byMarginAsc)
			}
		}
		return out
	}
	for _, r := range rows {
		if isBilling(r.Circuit) {
			out = append(out, r)
		}
	}
	SortByMarginAsc(out)
	return out
}

// SortByMarginAsc orders by margin, lowest first, then label and ID.
func SortByMarginAsc(rows []CircuitMargin) {
	slices.SortStableFunc(rows, byMarginAsc)
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
	var counts [len(pipelineStates)]int
	for _, c := range circuits {
		if s := renewalOf(c, today, p).state; s != "" {
			counts[pipelineIndex(s)]++
		}
	}
	return pipelineOf(&counts)
}

// pipelineStates are the states a pipeline counts: models.RenewalStates,
// then a slot for any other value (never listed).
var pipelineStates = [...]string{StateNotDue, StateInWindow, StateNoticeDue, StateNoticeMissed, StateAutoRenewed,
	StateMonthToMonth, StateExpired, StateNoticeSent, StateNegotiating, StateRenewed, StateTerminating, ""}

// pipelineIndex is the slot of state in pipelineStates.
func pipelineIndex(state string) int {
	for i, s := range pipelineStates[:len(pipelineStates)-1] {
		if s == state {
			return i
		}
	}
	return len(pipelineStates) - 1
}

// pipelineOf lists counts in models.RenewalStates order.
func pipelineOf(counts *[len(pipelineStates)]int) []StateCount {
	out := make([]StateCount, len(models.RenewalStates))
	for i, s := range models.RenewalStates {
		out[i] = StateCount{State: s, Count: counts[pipelineIndex(s)]}
	}
	return out
}

// RenewalWindowCount is the renewal_window_count KPI: live circuits whose
// effective term end falls within the renewal window (RenewalInfo.InWindow),
// whatever their state.
func RenewalWindowCount(circuits []*models.Circuit, today models.Date, p RenewalPolicy) int {
	n := 0
	for _, c := range circuits {
		if renewalOf(c, today, p).inWindow {
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
