package analytics

import (
	"fmt"
	"slices"
	"testing"

	"github.com/xiber/netos/models"
)

func labels[T any](rows []T, label func(T) string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = label(r)
	}
	return out
}

func TestAtRiskListsDueAndMissedNoticesNearestDeadlineFirst(t *testing.T) {
	circuits := []*models.Circuit{
		contract("due-in-30", today.AddDays(90)),
		contract("missed-by-10", today.AddDays(50)),
		contract("B-due-today", today.AddDays(60)),
		contract("A-due-today", today.AddDays(60)),
		contract("missed-by-1", today.AddDays(59)),
		contract("in-window", today.AddDays(91)),
		contract("expired", today.AddDays(-1)),
		deleted(contract("deleted-missed", today.AddDays(10))),
	}
	negotiating := contract("negotiating", today.AddDays(10))
	negotiating.RenewalState = StateNegotiating
	circuits = append(circuits, negotiating)

	got := labels(AtRisk(circuits, today, RenewalPolicy{}), func(r AtRiskCircuit) string { return r.Circuit.Label })
	want := []string{"missed-by-10", "missed-by-1", "A-due-today", "B-due-today", "due-in-30"}
	t.Run("missed deadlines come first, then due ones, ties by label", func(t *testing.T) {
		if !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("the input is not reordered", func(t *testing.T) {
		if circuits[0].Label != "due-in-30" {
			t.Errorf("input reordered")
		}
	})
	t.Run("at-risk states are exactly notice_due and notice_missed", func(t *testing.T) {
		for _, s := range models.RenewalStates {
			if IsAtRisk(s) != (s == StateNoticeDue || s == StateNoticeMissed) {
				t.Errorf("IsAtRisk(%q) = %v", s, IsAtRisk(s))
			}
		}
	})
}

func TestTopExpensiveRanksBillingCircuitsByMRC(t *testing.T) {
	var circuits []*models.Circuit
	for i := range 12 {
		c := contract(fmt.Sprintf("C%02d", i), today)
		c.MRC = usd(fmt.Sprint(100 * (i + 1)))
		circuits = append(circuits, c)
	}
	tieB, tieA := contract("tie-B", today), contract("tie-A", today)
	tieB.MRC, tieA.MRC = usd("1150"), usd("1150")
	pricyGone := contract("pricy-decommissioned", today)
	pricyGone.MRC, pricyGone.Status = usd("99999"), models.StatusDecommissioned
	pricyDeleted := deleted(contract("pricy-deleted", today))
	pricyDeleted.MRC = usd("99999")
	pending := contract("pending", today)
	pending.MRC, pending.Status = usd("5000"), models.StatusPendingDisconnect
	circuits = append(circuits, tieB, tieA, pricyGone, pricyDeleted, pending)

	got := labels(TopExpensive(circuits, TopN), func(c *models.Circuit) string { return c.Label })
	want := []string{"pending", "C11", "tie-A", "tie-B", "C10", "C09", "C08", "C07", "C06", "C05"}
	t.Run("the ten highest MRCs of billing circuits, ties by label", func(t *testing.T) {
		if !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("n of zero returns every billing circuit", func(t *testing.T) {
		if n := len(TopExpensive(circuits, 0)); n != 15 {
			t.Errorf("got %d circuits, want 15", n)
		}
	})
	t.Run("the input is not reordered", func(t *testing.T) {
		if circuits[0].Label != "C00" {
			t.Errorf("input reordered")
		}
	})
}

func TestLowestMarginRanksBillingCircuitsByMargin(t *testing.T) {
	row := func(label, margin string) CircuitMargin {
		return CircuitMargin{Circuit: contract(label, today), Margin: usd(margin)}
	}
	var rows []CircuitMargin
	for i := range 12 {
		rows = append(rows, row(fmt.Sprintf("M%02d", i), fmt.Sprint(10*i)))
	}
	gone := row("loss-cancelled", "-9999")
	gone.Circuit.Status = models.StatusCancelled
	rows = append(rows, row("tie-B", "-20"), row("tie-A", "-20"), row("loss", "-100"), gone)

	got := labels(LowestMargin(rows, TopN), func(r CircuitMargin) string { return r.Circuit.Label })
	want := []string{"loss", "tie-A", "tie-B", "M00", "M01", "M02", "M03", "M04", "M05", "M06"}
	t.Run("the ten lowest margins of billing circuits, ties by label", func(t *testing.T) {
		if !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("equal labels fall back to the ID", func(t *testing.T) {
		a, b := row("same", "1"), row("same", "1")
		a.Circuit.ID, b.Circuit.ID = "b", "a"
		got := LowestMargin([]CircuitMargin{a, b}, 0)
		if got[0].Circuit.ID != "a" {
			t.Errorf("got %s first", got[0].Circuit.ID)
		}
	})
}

func TestRenewalPipelineAndWindowCount(t *testing.T) {
	noTerm := contract("no-term", today)
	noTerm.TermEnd = nil
	negotiating := contract("negotiating", today.AddDays(30))
	negotiating.RenewalState = StateNegotiating
	circuits := []*models.Circuit{
		contract("not-due", today.AddDays(400)),
		contract("in-window-1", today.AddDays(150)),
		contract("in-window-2", today.AddDays(180)),
		contract("due", today.AddDays(80)),
		contract("expired", today.AddDays(-3)),
		negotiating,
		noTerm,
		deleted(contract("deleted", today.AddDays(150))),
	}

	t.Run("the pipeline lists every state in order with its count", func(t *testing.T) {
		got := RenewalPipeline(circuits, today, RenewalPolicy{})
		want := map[string]int{StateNotDue: 1, StateInWindow: 2, StateNoticeDue: 1, StateExpired: 1, StateNegotiating: 1}
		if len(got) != len(models.RenewalStates) {
			t.Fatalf("got %d states", len(got))
		}
		for i, sc := range got {
			if sc.State != models.RenewalStates[i] || sc.Count != want[sc.State] {
				t.Errorf("entry %d = %+v, want %s %d", i, sc, models.RenewalStates[i], want[sc.State])
			}
		}
	})
	t.Run("the window count takes every live term ending within the window", func(t *testing.T) {
		if got := RenewalWindowCount(circuits, today, RenewalPolicy{}); got != 4 {
			t.Errorf("got %d, want 4 (two in window, due, negotiating)", got)
		}
	})
}
