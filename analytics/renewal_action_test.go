package analytics

import (
	"testing"

	"github.com/xiber/netos/models"
)

func TestRenewalActionRejectsBadInput(t *testing.T) {
	noTerm := contract("C1", today)
	noTerm.TermEnd = nil
	ended := contract("C2", today.AddDays(-1))

	cases := []struct {
		name    string
		circuit *models.Circuit
		action  string
		input   RenewalActionInput
		want    map[string]string // field → type
	}{
		{"a missing action is refused", contract("C1", today), "", RenewalActionInput{}, map[string]string{"action": "missing"}},
		{"an unknown action is refused", contract("C1", today), "cancel", RenewalActionInput{}, map[string]string{"action": "enum"}},
		{"a date-driven state is not an action", contract("C1", today), StateInWindow, RenewalActionInput{}, map[string]string{"action": "enum"}},
		{"notice cannot be recorded without a term end", noTerm, ActionNoticeSent, RenewalActionInput{}, map[string]string{"contract_term_end_date": "missing"}},
		{"negotiating cannot be recorded without a term end", noTerm, ActionNegotiating, RenewalActionInput{}, map[string]string{"contract_term_end_date": "missing"}},
		{"terminating cannot be recorded without a term end", noTerm, ActionTerminating, RenewalActionInput{}, map[string]string{"contract_term_end_date": "missing"}},
		{"notice cannot be sent after the term ended", ended, ActionNoticeSent, RenewalActionInput{}, map[string]string{"action": "value_error"}},
		{"only renewed takes new term fields", contract("C1", today), ActionNegotiating,
			RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-06-30"), TermMonths: months(12), MRC: new(models.Money)},
			map[string]string{"contract_term_start_date": "extra_forbidden", "contract_term_end_date": "extra_forbidden", "contract_term_months": "extra_forbidden", "mrc_usd": "extra_forbidden"}},
		{"renewed without dates names both", contract("C1", today), ActionRenewed, RenewalActionInput{},
			map[string]string{"contract_term_start_date": "missing", "contract_term_end_date": "missing"}},
		{"renewed with the end on the start is refused", contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2026-07-01")}, map[string]string{"contract_term_end_date": "value_error"}},
		{"renewed with the end before the start is refused", contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2026-06-30")}, map[string]string{"contract_term_end_date": "value_error"}},
		{"renewed to a term that already ended is refused", contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2025-06-15"), TermEnd: dayPtr("2026-06-14")}, map[string]string{"contract_term_end_date": "value_error"}},
		{"renewed with bad months and a negative price names both", contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-06-30"), TermMonths: months(0), MRC: ptr(usd("-1"))},
			map[string]string{"contract_term_months": "value_error", "mrc_usd": "value_error"}},
		{"renewed with more than 1200 months is refused", contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-06-30"), TermMonths: months(1201)},
			map[string]string{"contract_term_months": "value_error"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := RenewalAction(tc.circuit, tc.action, tc.input, today, RenewalPolicy{})
			got := fieldErrors(t, err)
			if len(got) != len(tc.want) {
				t.Fatalf("fields %v, want %v", got, tc.want)
			}
			for f, typ := range tc.want {
				if got[f] != typ {
					t.Errorf("field %s: type %q, want %q (all: %v)", f, got[f], typ, got)
				}
			}
		})
	}
	t.Run("renewed to a term ending today is accepted", func(t *testing.T) {
		_, err := RenewalAction(contract("C1", today), ActionRenewed,
			RenewalActionInput{TermStart: dayPtr("2026-06-01"), TermEnd: &today}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestManualActionsSetTheirState(t *testing.T) {
	cases := []struct {
		name     string
		end      models.Date
		stored   string
		action   string
		wantFrom string
		want     string
	}{
		{"notice sent in the window", today.AddDays(120), StateInWindow, ActionNoticeSent, StateInWindow, StateNoticeSent},
		{"notice sent on the term end", today, StateNoticeMissed, ActionNoticeSent, StateNoticeMissed, StateNoticeSent},
		{"negotiating a missed notice", today.AddDays(10), StateNoticeMissed, ActionNegotiating, StateNoticeMissed, StateNegotiating},
		{"negotiating an expired contract", today.AddDays(-30), StateExpired, ActionNegotiating, StateExpired, StateNegotiating},
		{"terminating an expired contract", today.AddDays(-30), "", ActionTerminating, StateExpired, StateTerminating},
		{"reset hands a negotiation back to the calendar", today.AddDays(10), StateNegotiating, ActionReset, StateNegotiating, StateNoticeMissed},
		{"reset of a stale stored state stores the current one", today.AddDays(90), StateNotDue, ActionReset, StateNoticeDue, StateNoticeDue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", tc.end)
			c.RenewalState = tc.stored
			ch, err := RenewalAction(c, tc.action, RenewalActionInput{}, today, RenewalPolicy{})
			if err != nil {
				t.Fatal(err)
			}
			if ch.From != tc.wantFrom || ch.State != tc.want || ch.Status.State != tc.want {
				t.Errorf("from %q to %q (status %q), want %q to %q", ch.From, ch.State, ch.Status.State, tc.wantFrom, tc.want)
			}
			rs, ok := ch.Changed["renewal_state"]
			if !ok || rs.After != tc.want {
				t.Errorf("changed renewal_state = %+v, want after %q", rs, tc.want)
			}
			if ch.TermStart != nil || ch.TermEnd != nil || ch.TermMonths != nil || ch.MRC != nil || len(ch.Changed) != 1 {
				t.Errorf("a state action changed more than the state: %+v", ch.Changed)
			}
			if c.RenewalState != tc.stored {
				t.Errorf("the circuit itself was modified")
			}
		})
	}

	t.Run("repeating the current manual state changes nothing", func(t *testing.T) {
		c := contract("C1", today.AddDays(10))
		c.RenewalState = StateNegotiating
		ch, err := RenewalAction(c, ActionNegotiating, RenewalActionInput{}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Changed) != 0 || ch.From != StateNegotiating || ch.State != StateNegotiating {
			t.Errorf("got %+v, want no change", ch)
		}
	})
	t.Run("the audit records an unset state as null", func(t *testing.T) {
		c := contract("C1", today.AddDays(10))
		ch, _ := RenewalAction(c, ActionNegotiating, RenewalActionInput{}, today, RenewalPolicy{})
		if rs := ch.Changed["renewal_state"]; rs.Before != nil {
			t.Errorf("before = %#v, want nil", rs.Before)
		}
	})
	t.Run("an action on a rolled auto contract stores the rolled term end", func(t *testing.T) {
		c := contract("C1", day("2025-06-30"))
		c.RenewalType, c.TermStart = "auto", dayPtr("2024-07-01")
		ch, err := RenewalAction(c, ActionNoticeSent, RenewalActionInput{}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if dateString(ch.TermEnd) != "2026-06-30" || ch.State != StateNoticeSent {
			t.Fatalf("term end %s, state %q; want 2026-06-30, notice_sent", dateString(ch.TermEnd), ch.State)
		}
		if fc := ch.Changed["contract_term_end_date"]; fc.Before != "2025-06-30" || fc.After != "2026-06-30" {
			t.Errorf("audit of the term end = %+v", fc)
		}
		if ch.TermStart != nil {
			t.Errorf("the term start moved, which would reset the escalator")
		}
		ch.Apply(c)
		if got := RenewalStatus(c, today, RenewalPolicy{}); got.State != StateNoticeSent {
			t.Errorf("after applying, state = %q", got.State)
		}
		if got := RenewalStatus(c, day("2026-07-01"), RenewalPolicy{}); got.State != StateExpired {
			t.Errorf("after the rolled term, state = %q, want expired", got.State)
		}
	})
}

func TestRenewedRecordsTheNewTerm(t *testing.T) {
	old := func() *models.Circuit {
		c := contract("C1", day("2026-06-30"))
		c.TermStart, c.TermMonths = dayPtr("2023-07-01"), months(36)
		c.MRC, c.EscalatorPct = usd("1000"), pct("3")
		return c
	}

	t.Run("dates alone derive the months and carry the escalated price over", func(t *testing.T) {
		c := old()
		ch, err := RenewalAction(c, ActionRenewed, RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-06-30")}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if ch.State != StateRenewed || ch.From != StateNoticeMissed {
			t.Errorf("from %q to %q, want notice_missed to renewed", ch.From, ch.State)
		}
		// Two anniversaries (2024-07-01, 2025-07-01) by 2026-06-30: 1000 × 1.03².
		if ch.MRC == nil || *ch.MRC != usd("1060.90") {
			t.Errorf("carried MRC = %v, want 1060.90", ch.MRC)
		}
		if ch.TermMonths == nil || *ch.TermMonths != 12 {
			t.Errorf("months = %v, want 12", ch.TermMonths)
		}
		for _, f := range []string{"renewal_state", "contract_term_start_date", "contract_term_end_date", "contract_term_months", "mrc_usd"} {
			if _, ok := ch.Changed[f]; !ok {
				t.Errorf("%s missing from the audit changes", f)
			}
		}
		ch.Apply(c)
		if c.TermStart.String() != "2026-07-01" || c.TermEnd.String() != "2027-06-30" || *c.TermMonths != 12 || c.MRC != usd("1060.90") || c.RenewalState != StateRenewed {
			t.Errorf("applied circuit = %s..%s %d months %s %q", c.TermStart, c.TermEnd, *c.TermMonths, c.MRC, c.RenewalState)
		}
		if got := CircuitMRCOn(c, day("2026-07-01")); got != usd("1060.90") {
			t.Errorf("the projected price jumps at the renewal: %s", got)
		}
	})
	t.Run("given months and price are taken as they are", func(t *testing.T) {
		ch, err := RenewalAction(old(), ActionRenewed, RenewalActionInput{
			TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2029-06-30"), TermMonths: months(30), MRC: ptr(usd("900")),
		}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if *ch.TermMonths != 30 || *ch.MRC != usd("900") {
			t.Errorf("months %d MRC %s, want 30 and 900.00", *ch.TermMonths, *ch.MRC)
		}
	})
	t.Run("dates that are not whole months leave the months alone", func(t *testing.T) {
		ch, err := RenewalAction(old(), ActionRenewed, RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-07-15")}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if ch.TermMonths != nil {
			t.Errorf("months changed to %d", *ch.TermMonths)
		}
	})
	t.Run("a price without an escalator carries over unchanged", func(t *testing.T) {
		c := old()
		c.EscalatorPct = nil
		ch, err := RenewalAction(c, ActionRenewed, RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2027-06-30")}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if ch.MRC != nil {
			t.Errorf("MRC changed to %s", *ch.MRC)
		}
	})
	t.Run("a renewal whose term ends inside the window stores the window state", func(t *testing.T) {
		ch, err := RenewalAction(old(), ActionRenewed, RenewalActionInput{TermStart: dayPtr("2026-07-01"), TermEnd: dayPtr("2026-11-30")}, today, RenewalPolicy{})
		if err != nil {
			t.Fatal(err)
		}
		if ch.State != StateInWindow {
			t.Errorf("state = %q, want in_window", ch.State)
		}
	})
}

func TestWholeMonths(t *testing.T) {
	cases := []struct {
		name       string
		start, end string
		want       int
		ok         bool
	}{
		{"a calendar year from the first is 12 months", "2026-03-01", "2027-02-28", 12, true},
		{"a year to the day before the anniversary is 12 months", "2026-06-15", "2027-06-14", 12, true},
		{"a leap-day start to February 28 is 12 months", "2024-02-29", "2025-02-28", 12, true},
		{"January 31 to February 28 is one month", "2026-01-31", "2026-02-28", 1, true},
		{"one calendar month is one month", "2026-01-01", "2026-01-31", 1, true},
		{"a month and a day is not whole", "2026-06-15", "2026-07-15", 0, false},
		{"a few days is not whole", "2026-06-15", "2026-06-20", 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := wholeMonths(day(tc.start), day(tc.end))
			if got != tc.want || ok != tc.ok {
				t.Errorf("got %d %v, want %d %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
