package analytics

import (
	"testing"

	"github.com/xiber/netos/models"
)

func TestRenewalStatusFollowsTheCalendarAtEveryThreshold(t *testing.T) {
	// today is 2026-06-15; the window is 180 days and notice 60 days unless
	// the case says otherwise, so the deadline is the term end − 60.
	cases := []struct {
		name        string
		end         models.Date
		renewalType string
		noticeDays  int64
		want        string
	}{
		{"a term ending the day before the window opens is not due", today.AddDays(181), "manual", 60, StateNotDue},
		{"a term ending on the first day of the window is in the window", today.AddDays(180), "manual", 60, StateInWindow},
		{"a term ending a day inside the window is in the window", today.AddDays(179), "manual", 60, StateInWindow},

		{"a deadline 31 days away is still only in the window", today.AddDays(91), "manual", 60, StateInWindow},
		{"a deadline exactly 30 days away is notice due", today.AddDays(90), "manual", 60, StateNoticeDue},
		{"a deadline 29 days away is notice due", today.AddDays(89), "manual", 60, StateNoticeDue},

		{"a deadline tomorrow is notice due", today.AddDays(61), "manual", 60, StateNoticeDue},
		{"a deadline today is notice due", today.AddDays(60), "manual", 60, StateNoticeDue},
		{"a deadline yesterday is notice missed", today.AddDays(59), "manual", 60, StateNoticeMissed},

		{"a term ending tomorrow after its deadline is notice missed", today.AddDays(1), "manual", 60, StateNoticeMissed},
		{"a term ending today is notice missed, the term has not ended", today, "manual", 60, StateNoticeMissed},
		{"a manual term that ended yesterday is expired", today.AddDays(-1), "manual", 60, StateExpired},
		{"a month-to-month term that ended yesterday is month to month", today.AddDays(-1), "month_to_month", 60, StateMonthToMonth},
		{"a term with renewal type none that ended is expired", today.AddDays(-1), "none", 60, StateExpired},
		{"a term with no renewal type that ended is expired", today.AddDays(-1), "", 60, StateExpired},
		{"an auto term that ended yesterday is auto renewed", today.AddDays(-1), "auto", 60, StateAutoRenewed},

		{"with no notice period a term ending today has its deadline today", today, "manual", 0, StateNoticeDue},
		{"with no notice period a term ending yesterday is expired", today.AddDays(-1), "manual", 0, StateExpired},
		{"a negative notice period counts as none", today, "manual", -5, StateNoticeDue},

		{"a notice period longer than the window makes notice due before the window opens", today.AddDays(230), "manual", 200, StateNoticeDue},
		{"a notice period longer than the window leaves the day before not due", today.AddDays(231), "manual", 200, StateNotDue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", tc.end)
			c.RenewalType, c.NoticeDays = tc.renewalType, tc.noticeDays
			got := RenewalStatus(c, today, RenewalPolicy{WindowDays: 180})
			if got.State != tc.want {
				t.Fatalf("state = %q, want %q (term end %s, deadline %s)", got.State, tc.want, tc.end, dateString(got.Deadline))
			}
			if got.Manual {
				t.Errorf("a date-driven state is reported as manual")
			}
		})
	}
}

func TestRenewalStatusReportsDeadlineAndDistances(t *testing.T) {
	c := contract("C1", day("2026-09-30"))
	got := RenewalStatus(c, today, RenewalPolicy{})

	t.Run("the deadline is the term end minus the notice days", func(t *testing.T) {
		if dateString(got.Deadline) != "2026-08-01" {
			t.Errorf("deadline = %s, want 2026-08-01", dateString(got.Deadline))
		}
	})
	t.Run("the days count from today to the deadline and to the term end", func(t *testing.T) {
		if *got.DaysToDeadline != 47 || *got.DaysToTermEnd != 107 {
			t.Errorf("days to deadline %d, to term end %d; want 47 and 107", *got.DaysToDeadline, *got.DaysToTermEnd)
		}
	})
	t.Run("a passed deadline has negative days", func(t *testing.T) {
		got := RenewalStatus(contract("C2", today.AddDays(10)), today, RenewalPolicy{})
		if *got.DaysToDeadline != -50 {
			t.Errorf("days to deadline = %d, want -50", *got.DaysToDeadline)
		}
	})
	t.Run("a term end near the year 10000 does not overflow the day count", func(t *testing.T) {
		got := RenewalStatus(contract("C3", day("9999-12-31")), today, RenewalPolicy{})
		if got.State != StateNotDue || *got.DaysToTermEnd < 2_900_000 {
			t.Errorf("state %q, days to term end %d", got.State, *got.DaysToTermEnd)
		}
	})
}

func TestRenewalWindowIsConfigurable(t *testing.T) {
	cases := []struct {
		name   string
		policy RenewalPolicy
		end    models.Date
		want   string
	}{
		{"a 90-day window leaves a term 91 days out not due", RenewalPolicy{WindowDays: 90}, today.AddDays(91), StateNotDue},
		{"a 90-day window takes in a term 90 days out", RenewalPolicy{WindowDays: 90}, today.AddDays(90), StateInWindow},
		{"the zero policy is the default 180 days", RenewalPolicy{}, today.AddDays(180), StateInWindow},
		{"the zero policy leaves 181 days out not due", RenewalPolicy{}, today.AddDays(181), StateNotDue},
		{"a negative window falls back to the default", RenewalPolicy{WindowDays: -1}, today.AddDays(180), StateInWindow},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", tc.end)
			c.NoticeDays = 30
			if got := RenewalStatus(c, today, tc.policy).State; got != tc.want {
				t.Errorf("state = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRenewalStatusIsEmptyWithoutATermOrALiveCircuit(t *testing.T) {
	t.Run("a circuit with no term end has no renewal state", func(t *testing.T) {
		c := contract("C1", today)
		c.TermEnd = nil
		if got := RenewalStatus(c, today, RenewalPolicy{}); got.State != "" || got.Deadline != nil || got.DaysToDeadline != nil {
			t.Errorf("got %+v, want the zero RenewalInfo", got)
		}
	})
	t.Run("a manual state does not give a circuit without a term end a state", func(t *testing.T) {
		c := contract("C1", today)
		c.TermEnd, c.RenewalState = nil, StateNegotiating
		if got := RenewalStatus(c, today, RenewalPolicy{}).State; got != "" {
			t.Errorf("state = %q, want none", got)
		}
	})
	t.Run("a soft-deleted circuit has no renewal state", func(t *testing.T) {
		if got := RenewalStatus(deleted(contract("C1", today)), today, RenewalPolicy{}).State; got != "" {
			t.Errorf("state = %q, want none", got)
		}
	})
	t.Run("a nil circuit has no renewal state", func(t *testing.T) {
		if got := RenewalStatus(nil, today, RenewalPolicy{}).State; got != "" {
			t.Errorf("state = %q, want none", got)
		}
	})
}

func TestAutoRenewalRollsTheTermForward(t *testing.T) {
	cases := []struct {
		name       string
		end        string
		termMonths *int64
		noticeDays int64
		wantState  string
		wantEnd    string
		wantRolls  int
	}{
		{"an auto term that ended yesterday rolls once by its term months", "2026-06-14", months(12), 60, StateAutoRenewed, "2027-06-14", 1},
		{"an auto term without term months rolls by 12 months", "2026-06-14", nil, 60, StateAutoRenewed, "2027-06-14", 1},
		{"an auto term rolls by 36 months when the contract says so", "2026-06-14", months(36), 60, StateAutoRenewed, "2029-06-14", 1},
		{"an auto term that ended three years ago rolls as often as needed", "2023-06-14", months(12), 60, StateAutoRenewed, "2027-06-14", 4},
		{"an auto term ending today has not rolled yet", "2026-06-15", months(12), 60, StateNoticeMissed, "2026-06-15", 0},
		{"a rolled term ending today is the current term", "2025-06-15", months(12), 60, StateNoticeMissed, "2026-06-15", 1},
		{"a rolled term inside the window is in the window again", "2025-09-30", months(12), 60, StateInWindow, "2026-09-30", 1},
		{"a rolled term whose deadline is near is notice due again", "2025-09-01", months(12), 60, StateNoticeDue, "2026-09-01", 1},
		{"a rolled term just outside the window stays auto renewed", "2025-12-13", months(12), 60, StateAutoRenewed, "2026-12-13", 1},
		{"a rolled term on the first day of the window is in the window", "2025-12-12", months(12), 60, StateInWindow, "2026-12-12", 1},
		{"a term ending on a month end keeps ending on month ends", "2026-02-28", months(24), 60, StateAutoRenewed, "2028-02-29", 1},
		{"a monthly auto term rolls to the current month end", "2026-01-31", months(1), 0, StateNoticeDue, "2026-06-30", 5},
		{"a monthly auto term with a longer notice period is always past its deadline", "2026-01-31", months(1), 60, StateNoticeMissed, "2026-06-30", 5},
		{"a term that does not end on a month end clamps to short months", "2026-01-30", months(1), 0, StateNoticeDue, "2026-06-30", 5},
		{"an invalid term length of zero months rolls by 12", "2026-06-14", months(0), 60, StateAutoRenewed, "2027-06-14", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", day(tc.end))
			c.RenewalType, c.TermMonths, c.NoticeDays = "auto", tc.termMonths, tc.noticeDays
			got := RenewalStatus(c, today, RenewalPolicy{})
			if got.State != tc.wantState || dateString(got.TermEnd) != tc.wantEnd || got.Renewals != tc.wantRolls {
				t.Errorf("got %s ending %s after %d rolls; want %s ending %s after %d",
					got.State, dateString(got.TermEnd), got.Renewals, tc.wantState, tc.wantEnd, tc.wantRolls)
			}
		})
	}
	t.Run("the rolled term's deadline is reported", func(t *testing.T) {
		c := contract("C1", day("2026-06-14"))
		c.RenewalType = "auto"
		if got := RenewalStatus(c, today, RenewalPolicy{}); dateString(got.Deadline) != "2027-04-15" {
			t.Errorf("deadline = %s, want 2027-04-15", dateString(got.Deadline))
		}
	})
	t.Run("the stored term end is not changed", func(t *testing.T) {
		c := contract("C1", day("2023-06-14"))
		c.RenewalType = "auto"
		RenewalStatus(c, today, RenewalPolicy{})
		if c.TermEnd.String() != "2023-06-14" {
			t.Errorf("stored term end changed to %s", c.TermEnd)
		}
	})
}

func TestManualStatesTakePrecedence(t *testing.T) {
	cases := []struct {
		name        string
		stored      string
		end         models.Date
		renewalType string
		noticeDays  int64
		wantState   string
		wantManual  bool
	}{
		{"negotiating hides a missed notice", StateNegotiating, today.AddDays(10), "manual", 60, StateNegotiating, true},
		{"negotiating holds after the term ended", StateNegotiating, today.AddDays(-40), "manual", 60, StateNegotiating, true},
		{"negotiating holds on a month-to-month contract", StateNegotiating, today.AddDays(-400), "month_to_month", 60, StateNegotiating, true},
		{"terminating holds long before the window", StateTerminating, today.AddDays(900), "manual", 60, StateTerminating, true},
		{"terminating holds after the term ended", StateTerminating, today.AddDays(-1), "auto", 60, StateTerminating, true},

		{"notice sent holds the day before the term end", StateNoticeSent, today.AddDays(1), "manual", 60, StateNoticeSent, true},
		{"notice sent holds on the term end", StateNoticeSent, today, "manual", 60, StateNoticeSent, true},
		{"notice sent reads expired the day after the term end", StateNoticeSent, today.AddDays(-1), "manual", 60, StateExpired, false},
		{"notice sent stops an auto contract from rolling", StateNoticeSent, today.AddDays(-1), "auto", 60, StateExpired, false},
		{"notice sent ends a month-to-month contract too", StateNoticeSent, today.AddDays(-1), "month_to_month", 60, StateExpired, false},

		{"renewed holds while the new term ends beyond the window", StateRenewed, today.AddDays(720), "manual", 60, StateRenewed, true},
		{"renewed holds the day before the window opens", StateRenewed, today.AddDays(181), "manual", 60, StateRenewed, true},
		{"renewed gives way to the window on its first day", StateRenewed, today.AddDays(180), "manual", 60, StateInWindow, false},
		{"renewed gives way to a due notice before the window when the notice is long", StateRenewed, today.AddDays(230), "manual", 200, StateNoticeDue, false},
		{"renewed gives way to expiry once the new term ended", StateRenewed, today.AddDays(-1), "manual", 60, StateExpired, false},
		{"renewed on an auto contract gives way to the roll", StateRenewed, today.AddDays(-1), "auto", 60, StateAutoRenewed, false},

		{"a stored date-driven state is only a record and is recomputed", StateNotDue, today.AddDays(90), "manual", 60, StateNoticeDue, false},
		{"an unknown stored state is ignored", "bogus", today.AddDays(90), "manual", 60, StateNoticeDue, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", tc.end)
			c.RenewalState, c.RenewalType, c.NoticeDays = tc.stored, tc.renewalType, tc.noticeDays
			got := RenewalStatus(c, today, RenewalPolicy{})
			if got.State != tc.wantState || got.Manual != tc.wantManual {
				t.Errorf("got %q (manual %v), want %q (manual %v)", got.State, got.Manual, tc.wantState, tc.wantManual)
			}
		})
	}
	t.Run("terminating on an auto contract reports the rolled term", func(t *testing.T) {
		c := contract("C1", day("2026-06-14"))
		c.RenewalType, c.RenewalState = "auto", StateTerminating
		if got := RenewalStatus(c, today, RenewalPolicy{}); dateString(got.TermEnd) != "2027-06-14" {
			t.Errorf("term end = %s, want 2027-06-14", dateString(got.TermEnd))
		}
	})
	t.Run("notice sent on an auto contract reports the stored term", func(t *testing.T) {
		c := contract("C1", day("2026-06-14"))
		c.RenewalType, c.RenewalState = "auto", StateNoticeSent
		if got := RenewalStatus(c, today, RenewalPolicy{}); dateString(got.TermEnd) != "2026-06-14" || got.Renewals != 0 {
			t.Errorf("term end = %s after %d rolls, want 2026-06-14 unrolled", dateString(got.TermEnd), got.Renewals)
		}
	})
}

func TestInWindowFlagsTermEndsWithinTheWindow(t *testing.T) {
	cases := []struct {
		name   string
		end    models.Date
		stored string
		want   bool
	}{
		{"a term ending on the window's first day is in it", today.AddDays(180), "", true},
		{"a term ending the day before the window opens is not", today.AddDays(181), "", false},
		{"a term ending today is in it", today, "", true},
		{"a term that ended yesterday is not", today.AddDays(-1), "", false},
		{"a manual state does not take a term out of the window", today.AddDays(30), StateNegotiating, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := contract("C1", tc.end)
			c.RenewalState = tc.stored
			if got := RenewalStatus(c, today, RenewalPolicy{}).InWindow; got != tc.want {
				t.Errorf("InWindow = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStateChangeTellsTheClockWhatToRecord(t *testing.T) {
	t.Run("a stored state the calendar has moved past is a change", func(t *testing.T) {
		c := contract("C1", today.AddDays(90))
		c.RenewalState = StateInWindow
		from, to, changed := StateChange(c, today, RenewalPolicy{})
		if from != StateInWindow || to != StateNoticeDue || !changed {
			t.Errorf("got %q → %q changed=%v, want in_window → notice_due", from, to, changed)
		}
	})
	t.Run("a stored state that still holds is no change", func(t *testing.T) {
		c := contract("C1", today.AddDays(90))
		c.RenewalState = StateNoticeDue
		if _, _, changed := StateChange(c, today, RenewalPolicy{}); changed {
			t.Errorf("reported a change")
		}
	})
	t.Run("a lapsed notice_sent is recorded as expired", func(t *testing.T) {
		c := contract("C1", today.AddDays(-1))
		c.RenewalState = StateNoticeSent
		if _, to, changed := StateChange(c, today, RenewalPolicy{}); to != StateExpired || !changed {
			t.Errorf("got → %q changed=%v, want → expired", to, changed)
		}
	})
	t.Run("a circuit without a term and without a stored state is no change", func(t *testing.T) {
		c := contract("C1", today)
		c.TermEnd = nil
		if _, _, changed := StateChange(c, today, RenewalPolicy{}); changed {
			t.Errorf("reported a change")
		}
	})
}
