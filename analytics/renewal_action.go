package analytics

import (
	"errors"
	"strings"

	"github.com/xiber/netos/models"
)

// Renewal actions: the manual states, and reset to hand the circuit back to
// the calendar.
const (
	ActionNoticeSent  = StateNoticeSent
	ActionNegotiating = StateNegotiating
	ActionRenewed     = StateRenewed
	ActionTerminating = StateTerminating
	ActionReset       = "reset"
)

// RenewalActions lists the actions RenewalAction accepts.
var RenewalActions = []string{ActionNoticeSent, ActionNegotiating, ActionRenewed, ActionTerminating, ActionReset}

// maxTermMonths bounds contract_term_months: a century is already generous,
// and the bound keeps month arithmetic far from overflow.
const maxTermMonths = 1200

// RenewalActionInput is what an action may carry. Only renewed takes any of
// it: the new term (both dates required), and optionally its length and
// price.
type RenewalActionInput struct {
	TermStart  *models.Date  // contract_term_start_date of the new term
	TermEnd    *models.Date  // contract_term_end_date of the new term
	TermMonths *int64        // contract_term_months; derived from the dates when omitted and they span whole months
	MRC        *models.Money // mrc_usd of the new term; the escalated price carries over when omitted
}

// RenewalChange is what a renewal action does to a circuit, for the service
// to apply in one transaction with its lifecycle event and audit entry.
// Pointer fields are nil when unchanged.
type RenewalChange struct {
	Action string
	// From is the effective renewal state before the action, the lifecycle
	// event's from_value.
	From string
	// State is the renewal_state to store, the event's to_value. It is the
	// effective state after the action, so that the stored and the shown
	// state agree: renewed to a term already inside the window stores
	// in_window, and reset stores the calendar's state.
	State      string
	TermStart  *models.Date
	TermEnd    *models.Date
	TermMonths *int64
	MRC        *models.Money
	// Changed holds every field that changes, under its REST name, for the
	// audit entry. Empty when the action changes nothing (repeating the
	// current manual state), in which case nothing should be recorded.
	Changed models.Changes
	// Status is the circuit's renewal status once the change is applied.
	Status RenewalInfo
}

// Apply writes the change into c.
func (ch RenewalChange) Apply(c *models.Circuit) {
	c.RenewalState = ch.State
	if ch.TermStart != nil {
		c.TermStart = ptr(*ch.TermStart)
	}
	if ch.TermEnd != nil {
		c.TermEnd = ptr(*ch.TermEnd)
	}
	if ch.TermMonths != nil {
		c.TermMonths = ptr(*ch.TermMonths)
	}
	if ch.MRC != nil {
		c.MRC = *ch.MRC
	}
}

// RenewalAction validates a renewal action on c and describes its effect;
// c itself is left untouched. Errors are *models.ValidationError (ErrInvalid)
// naming the offending field: action (unknown, or notice after the term
// ended), contract_term_end_date (no term to act on), and for renewed the
// new term's contract_term_start_date, contract_term_end_date,
// contract_term_months and mrc_usd.
//
// notice_sent, negotiating and terminating need a term end. On an
// auto-renewing contract whose term has rolled, they also store the rolled
// term end, so the action concerns the term actually running (notice given
// now stops the next renewal, not one already past). renewed needs the new
// term's start and end, end after start and not before today; see
// RenewalActionInput for months and MRC. reset drops any manual state.
func RenewalAction(c *models.Circuit, action string, in RenewalActionInput, today models.Date, p RenewalPolicy) (RenewalChange, error) {
	if c == nil {
		return RenewalChange{}, errors.New("analytics: renewal action on a nil circuit")
	}
	var probs models.Problems
	switch {
	case action == "":
		probs.Add("action", "missing", "is required: one of %s", strings.Join(RenewalActions, ", "))
	case !models.OneOf(action, RenewalActions):
		probs.Add("action", "enum", "must be one of %s", strings.Join(RenewalActions, ", "))
	case action != ActionRenewed:
		rejectTermInput(&probs, in)
	}
	if err := probs.Err(); err != nil {
		return RenewalChange{}, err
	}

	next := *c
	switch action {
	case ActionNoticeSent, ActionNegotiating, ActionTerminating:
		if !isSet(c.TermEnd) {
			return RenewalChange{}, models.Invalid("contract_term_end_date", "missing",
				"the circuit has no contract term end: record one (or use renewed) before %s", action)
		}
		end, rolls := effectiveTermEnd(c, today)
		if rolls > 0 {
			next.TermEnd = ptr(end)
		}
		if action == ActionNoticeSent && end.Before(today) {
			return RenewalChange{}, models.Invalid("action", "value_error",
				"the term ended on %s, too late for notice: use terminating to end the circuit or renewed to record a new term", end)
		}
		next.RenewalState = action
	case ActionRenewed:
		if err := renewTerm(c, &next, in, today); err != nil {
			return RenewalChange{}, err
		}
		next.RenewalState = ActionRenewed
	case ActionReset:
		next.RenewalState = ""
	}

	status := RenewalStatus(&next, today, p)
	next.RenewalState = status.State
	ch := RenewalChange{
		Action:  action,
		From:    RenewalStatus(c, today, p).State,
		State:   status.State,
		Status:  status,
		Changed: models.Changes{},
	}
	if next.RenewalState != c.RenewalState {
		ch.Changed["renewal_state"] = models.FieldChange{Before: optString(c.RenewalState), After: optString(next.RenewalState)}
	}
	if !sameDate(c.TermStart, next.TermStart) {
		ch.TermStart = next.TermStart
		ch.Changed["contract_term_start_date"] = models.FieldChange{Before: optDate(c.TermStart), After: optDate(next.TermStart)}
	}
	if !sameDate(c.TermEnd, next.TermEnd) {
		ch.TermEnd = next.TermEnd
		ch.Changed["contract_term_end_date"] = models.FieldChange{Before: optDate(c.TermEnd), After: optDate(next.TermEnd)}
	}
	if !sameInt(c.TermMonths, next.TermMonths) {
		ch.TermMonths = next.TermMonths
		ch.Changed["contract_term_months"] = models.FieldChange{Before: optInt(c.TermMonths), After: optInt(next.TermMonths)}
	}
	if next.MRC != c.MRC {
		ch.MRC = ptr(next.MRC)
		ch.Changed["mrc_usd"] = models.FieldChange{Before: c.MRC, After: next.MRC}
	}
	return ch, nil
}

// rejectTermInput refuses term fields on actions that do not use them, so a
// client never believes a silently ignored value was saved.
func rejectTermInput(probs *models.Problems, in RenewalActionInput) {
	const msg = "only the renewed action takes a new term"
	if in.TermStart != nil {
		probs.Add("contract_term_start_date", "extra_forbidden", msg)
	}
	if in.TermEnd != nil {
		probs.Add("contract_term_end_date", "extra_forbidden", msg)
	}
	if in.TermMonths != nil {
		probs.Add("contract_term_months", "extra_forbidden", msg)
	}
	if in.MRC != nil {
		probs.Add("mrc_usd", "extra_forbidden", msg)
	}
}

// renewTerm validates a renewal and writes the new term into next.
func renewTerm(c, next *models.Circuit, in RenewalActionInput, today models.Date) error {
	var probs models.Problems
	if !isSet(in.TermStart) {
		probs.Add("contract_term_start_date", "missing", "is required to record a renewal")
	}
	if !isSet(in.TermEnd) {
		probs.Add("contract_term_end_date", "missing", "is required to record a renewal")
	}
	if isSet(in.TermStart) && isSet(in.TermEnd) {
		switch {
		case !in.TermEnd.After(*in.TermStart):
			probs.Add("contract_term_end_date", "value_error", "must be after contract_term_start_date (%s)", *in.TermStart)
		case in.TermEnd.Before(today):
			probs.Add("contract_term_end_date", "value_error", "must not be before today (%s): a renewal records a term still to run", today)
		}
	}
	if in.TermMonths != nil && (*in.TermMonths < 1 || *in.TermMonths > maxTermMonths) {
		probs.Add("contract_term_months", "value_error", "must be a whole number of months from 1 to %d", maxTermMonths)
	}
	if in.MRC != nil && *in.MRC < 0 {
		probs.Add("mrc_usd", "value_error", "must not be negative")
	}
	if err := probs.Err(); err != nil {
		return err
	}

	start, end := *in.TermStart, *in.TermEnd
	next.TermStart, next.TermEnd = ptr(start), ptr(end)
	switch {
	case in.TermMonths != nil:
		next.TermMonths = ptr(*in.TermMonths)
	default:
		// A stale length would roll an auto contract by the old term, so
		// take the new one from the dates when they are whole months.
		if m, ok := wholeMonths(start, end); ok {
			next.TermMonths = ptr(int64(m))
		}
	}
	switch {
	case in.MRC != nil:
		next.MRC = *in.MRC
	default:
		// The new term starts from the price the escalator reached, not
		// from the old base: a renewal on the same terms must not show a
		// price drop nobody agreed to.
		next.MRC = ProjectedMRC(c.MRC, c.EscalatorPct, c.TermStart, start.AddDays(-1))
	}
	return nil
}

// wholeMonths reports whether a term from start to end (both inclusive) is a
// whole number of months, and how many: 2026-03-01..2027-02-28 is 12, and so
// is 2024-02-29..2025-02-28, where the anniversary does not exist.
func wholeMonths(start, end models.Date) (int, bool) {
	after := end.AddDays(1)
	guess := monthsApart(start, after)
	_, _, startDay := ymd(start)
	for m := max(1, guess-1); m <= guess; m++ {
		anniversary := addMonthsClamped(start, m)
		if sameDay(anniversary, after) {
			return m, true
		}
		// The anniversary was clamped (Jan 31 + 1 month): the term then ends
		// on the month's last day, which is the clamped anniversary itself.
		_, _, day := ymd(anniversary)
		if day < startDay && sameDay(anniversary, end) {
			return m, true
		}
	}
	return 0, false
}

func ptr[T any](v T) *T { return &v }

func sameDate(a, b *models.Date) bool {
	if a == nil || b == nil {
		return a == b
	}
	return sameDay(*a, *b)
}

func sameInt(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// optString, optDate and optInt give the audit trail JSON-ready values, null
// for unset.
func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optDate(d *models.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}

func optInt(n *int64) any {
	if n == nil {
		return nil
	}
	return *n
}
