package analytics

import "github.com/xiber/netos/models"

// Renewal states, the values of renewal_state (models.RenewalStates).
const (
	StateNotDue       = "not_due"
	StateInWindow     = "in_window"
	StateNoticeDue    = "notice_due"
	StateNoticeMissed = "notice_missed"
	StateAutoRenewed  = "auto_renewed"
	StateMonthToMonth = "month_to_month"
	StateExpired      = "expired"
	StateNoticeSent   = "notice_sent"
	StateNegotiating  = "negotiating"
	StateRenewed      = "renewed"
	StateTerminating  = "terminating"
)

// Renewal types that change what happens at term end.
const (
	renewalTypeAuto    = "auto"
	renewalTypeMonthly = "month_to_month"
)

// DefaultRenewalWindowDays is NETOS_RENEWAL_WINDOW_DAYS when unset.
const DefaultRenewalWindowDays = 180

// NoticeDueDays is how close a notice deadline is before the state becomes
// notice_due. The issue says "within the next 30 days"; it counts inclusively,
// so a deadline exactly 30 days away is already due.
const NoticeDueDays = 30

// DefaultRenewalTermMonths is how far an auto-renewing term rolls forward
// when contract_term_months is unset.
const DefaultRenewalTermMonths = 12

// RenewalPolicy is the configurable part of the renewal rules. The zero value
// is the default policy.
type RenewalPolicy struct {
	// WindowDays is NETOS_RENEWAL_WINDOW_DAYS: how many days before its term
	// end a contract enters the renewal window. Zero or less means
	// DefaultRenewalWindowDays, so a forgotten setting never hides renewals.
	WindowDays int
}

func (p RenewalPolicy) windowDays() int {
	if p.WindowDays <= 0 {
		return DefaultRenewalWindowDays
	}
	return p.WindowDays
}

// RenewalInfo is where a circuit's contract stands on a given day.
type RenewalInfo struct {
	// State is one of the renewal states; "" when the circuit has no term end
	// (or is soft-deleted), in which case every other field is zero.
	State string `json:"state"`
	// Manual is true when State comes from a renewal action (notice_sent,
	// negotiating, renewed, terminating) rather than from the calendar.
	Manual bool `json:"manual"`
	// TermEnd is the effective term end: the stored one, or for an
	// auto-renewing contract whose term has passed, the end of the term it
	// has rolled into.
	TermEnd *models.Date `json:"term_end"`
	// Deadline is the last day to give notice for TermEnd: TermEnd minus
	// notice_days.
	Deadline *models.Date `json:"notice_deadline"`
	// DaysToDeadline is the days from today to Deadline, negative once it
	// has passed (0 on the deadline itself).
	DaysToDeadline *int `json:"days_to_deadline"`
	// DaysToTermEnd is the days from today to TermEnd, negative after it.
	DaysToTermEnd *int `json:"days_to_term_end"`
	// Renewals counts the automatic roll-forwards behind TermEnd (0 when the
	// stored term is current).
	Renewals int `json:"auto_renewals"`
	// InWindow reports whether TermEnd falls within the renewal window,
	// today ≤ TermEnd ≤ today + WindowDays, whatever the state: the
	// dashboard's renewal_window_count.
	InWindow bool `json:"in_window"`
}

// RenewalStatus is the renewal state of c on today.
//
// Date-driven states, with E the effective term end, D = E − notice_days and
// W the window:
//
//	today > E                       month_to_month (renewal type month_to_month)
//	                                expired (manual, none or unset)
//	D < today ≤ E                   notice_missed
//	D − 30 ≤ today ≤ D              notice_due
//	E − W ≤ today, today < D − 30   in_window
//	otherwise                       auto_renewed if the term has rolled, else not_due
//
// An auto-renewing contract never expires: once today passes E the term
// rolls forward by contract_term_months (12 if unset) as often as needed, and
// the rolled term goes through the same cycle, so the next notice deadline
// shows up in time. auto_renewed therefore lasts from the roll until the
// rolled term enters the window.
//
// A manual state stored in c.RenewalState takes precedence: negotiating and
// terminating hold until another action; notice_sent holds until the term
// end and then reads expired (notice stops the roll); renewed holds while the
// date-driven state would be not_due, then the calendar takes over again.
// Any other stored value is ignored: it is only the last state written.
//
// Callers pass live circuits; a soft-deleted circuit, or one without a term
// end, has no renewal state.
func RenewalStatus(c *models.Circuit, today models.Date, p RenewalPolicy) RenewalInfo {
	return renewalOf(c, today, p).info()
}

// renewal is RenewalInfo without pointers: the dashboard computes it for
// every circuit and only turns the few it lists into a RenewalInfo.
type renewal struct {
	state             string
	manual            bool
	set               bool // false without a term end: no state
	end, deadline     models.Date
	toEnd, toDeadline int
	rolls             int
	inWindow          bool
}

// info is r as a RenewalInfo.
func (r renewal) info() RenewalInfo {
	if !r.set {
		return RenewalInfo{}
	}
	end, deadline, toEnd, toDeadline := r.end, r.deadline, r.toEnd, r.toDeadline
	return RenewalInfo{State: r.state, Manual: r.manual, TermEnd: &end, Deadline: &deadline,
		DaysToDeadline: &toDeadline, DaysToTermEnd: &toEnd, Renewals: r.rolls, InWindow: r.inWindow}
}

// renewalOf is RenewalStatus without allocating.
func renewalOf(c *models.Circuit, today models.Date, p RenewalPolicy) renewal {
	if c == nil || c.DeletedAt != nil || !isSet(c.TermEnd) {
		return renewal{}
	}
	end, rolls := effectiveTermEnd(c, today)
	r := describeTerm(end, c.NoticeDays, rolls, today, p)

	switch c.RenewalState {
	case StateNegotiating, StateTerminating:
		r.state, r.manual = c.RenewalState, true
		return r
	case StateNoticeSent:
		// Notice ends the contract at its term end; what follows is the
		// circuit running out of contract, which is what expired means.
		if r.toEnd >= 0 {
			r.state, r.manual = StateNoticeSent, true
		} else {
			r.state = StateExpired
		}
		return r
	}
	r.state = stateOf(c.RenewalType, r.toEnd, r.toDeadline, rolls, p)
	if c.RenewalState == StateRenewed && r.state == StateNotDue {
		r.state, r.manual = StateRenewed, true
	}
	return r
}

// stateOf is the state the calendar alone gives a term whose end is toEnd
// days from today and whose notice deadline toDeadline days.
func stateOf(renewalType string, toEnd, toDeadline, rolls int, p RenewalPolicy) string {
	switch {
	case toEnd < 0:
		// Only reached for contracts that do not roll: an auto contract's
		// effective end is never before today unless notice stopped it.
		if renewalType == renewalTypeMonthly {
			return StateMonthToMonth
		}
		return StateExpired
	case toDeadline < 0:
		return StateNoticeMissed
	case toDeadline <= NoticeDueDays:
		return StateNoticeDue
	case toEnd <= p.windowDays():
		return StateInWindow
	case rolls > 0:
		return StateAutoRenewed
	default:
		return StateNotDue
	}
}

// describeTerm fills the dates and distances of a renewal.
func describeTerm(end models.Date, noticeDays int64, rolls int, today models.Date, p RenewalPolicy) renewal {
	deadline := deadlineOf(end, noticeDays)
	toEnd := daysBetween(today, end)
	toDeadline := daysBetween(today, deadline)
	return renewal{
		set:        true,
		end:        end,
		deadline:   deadline,
		toDeadline: toDeadline,
		toEnd:      toEnd,
		rolls:      rolls,
		inWindow:   toEnd >= 0 && toEnd <= p.windowDays(),
	}
}

// deadlineOf is the notice deadline of a term ending on end. A negative
// notice period makes no sense and is read as none, so the deadline never
// falls after the term end.
func deadlineOf(end models.Date, noticeDays int64) models.Date {
	if noticeDays < 0 {
		noticeDays = 0
	}
	return end.AddDays(-int(noticeDays))
}

// rollsForward reports whether c's term renews itself when it ends: an auto
// contract, unless notice was sent to stop exactly that.
func rollsForward(c *models.Circuit) bool {
	return c.RenewalType == renewalTypeAuto && c.RenewalState != StateNoticeSent
}

// termMonths is the length of a renewal term.
func termMonths(c *models.Circuit) int {
	if c.TermMonths == nil || *c.TermMonths <= 0 || *c.TermMonths > 1200 {
		return DefaultRenewalTermMonths
	}
	return int(*c.TermMonths)
}

// effectiveTermEnd is the end of the term in force on today and how many
// automatic renewals it took to get there. Only an auto contract past its
// stored term end rolls; the result is then the first rolled end on or after
// today.
func effectiveTermEnd(c *models.Circuit, today models.Date) (models.Date, int) {
	end := *c.TermEnd
	if !rollsForward(c) || !today.After(end) {
		return end, 0
	}
	months := termMonths(c)
	// Seed the search below the answer: a roll landing in an earlier
	// calendar month than today is surely before today.
	k := max(1, (monthsApart(end, today)-1)/months)
	for rollTermEnd(end, months, k).Before(today) {
		k++
	}
	return rollTermEnd(end, months, k), k
}

// rollTermEnd is the end of the k-th automatic renewal of a term ending on
// end, each renewal lasting months. It counts from the original end rather
// than stepping, so a clamped February does not drag later ends earlier, and
// a term ending on a month's last day keeps ending on the last day
// (2026-02-28 → 2027-02-28 → 2028-02-29), as terms that start on the 1st do.
func rollTermEnd(end models.Date, months, k int) models.Date {
	rolled := addMonthsClamped(end, k*months)
	if isMonthEnd(end) {
		return monthEnd(rolled)
	}
	return rolled
}

// IsAtRisk reports whether a renewal state belongs on the at-risk list: a
// notice deadline that is near or already missed.
func IsAtRisk(state string) bool {
	return state == StateNoticeDue || state == StateNoticeMissed
}

// StateChange is what the clock does to a circuit's stored renewal state on
// today: from is the stored value, to the computed one, and changed whether a
// lifecycle event and an audit entry are due. A scheduled sweep calls it for
// every live circuit.
func StateChange(c *models.Circuit, today models.Date, p RenewalPolicy) (from, to string, changed bool) {
	to = RenewalStatus(c, today, p).State
	return c.RenewalState, to, to != c.RenewalState
}
