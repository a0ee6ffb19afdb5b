package analytics

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/xiber/netos/models"
)

// forecastByPoint is Forecast as the definition reads: every item priced
// with ProjectedMRC (in big.Rat) on every point.
func forecastByPoint(circuits []*models.Circuit, assets []*models.InfrastructureAsset, today models.Date) []ForecastPoint {
	y, m, _ := ymd(today)
	points := make([]ForecastPoint, ForecastMonths)
	exact := func(base models.Money, pct *models.Decimal, start *models.Date, on models.Date) models.Money {
		if pct == nil || *pct == 0 || !isSet(start) {
			return base
		}
		n := Anniversaries(*start, on)
		if n == 0 {
			return base
		}
		return escalateExact(base, *pct, n)
	}
	for i := range points {
		on := models.NewDate(y, m+1+time.Month(i), 1)
		pt := ForecastPoint{Month: on}
		for _, c := range circuits {
			if c != nil && c.DeletedAt == nil && models.CircuitBills(c.Status) {
				pt.CircuitMRC += exact(c.MRC, c.EscalatorPct, c.TermStart, on)
			}
		}
		for _, a := range assets {
			if a != nil && a.DeletedAt == nil && a.Status == models.StatusActive {
				pt.AssetMRC += exact(a.MRC, a.PriceEscalatorPct, a.TermStart, on)
			}
		}
		pt.Total = pt.CircuitMRC + pt.AssetMRC
		points[i] = pt
	}
	return points
}

// randomContract is a circuit with random price, escalator and dates,
// leap-day starts and far-off or missing dates included.
func randomContract(rng *rand.Rand, i int) *models.Circuit {
	statuses := []string{models.StatusActive, models.StatusPendingDisconnect, models.StatusDecommissioned, "ordered"}
	c := &models.Circuit{Record: models.Record{ID: string(rune('a'+i%26)) + time.Duration(i).String()}, Label: "c",
		Status: statuses[rng.IntN(len(statuses))], MRC: models.Money(rng.Int64N(2_000_000) - 100_000),
		RenewalType: models.RenewalTypes[rng.IntN(len(models.RenewalTypes))], NoticeDays: rng.Int64N(120) - 5}
	switch rng.IntN(20) {
	case 0:
		c.MRC = models.Money(math.MaxInt64 / (1 + rng.Int64N(1000)))
	case 1:
		c.MRC = -c.MRC
	}
	if rng.IntN(8) != 0 {
		var p models.Decimal
		switch rng.IntN(6) {
		case 0:
			p = models.Decimal(rng.Int64N(100_000_000)) // up to 100 %, any millionth
		case 1:
			p = models.Decimal(-rng.Int64N(50_000_000))
		case 2:
			p = 0
		default:
			p = models.Decimal(500_000 * (1 + rng.Int64N(20))) // 0.5 % steps
		}
		c.EscalatorPct = &p
	}
	if rng.IntN(8) != 0 {
		var start models.Date
		switch rng.IntN(10) {
		case 0:
			start = models.NewDate(2000+4*rng.IntN(8), time.February, 29)
		case 1:
			start = models.NewDate(1960+rng.IntN(40), time.Month(1+rng.IntN(12)), 1+rng.IntN(31))
		default:
			start = today.AddDays(rng.IntN(8*365) - 7*365)
		}
		end := start.AddMonths(12 * (1 + rng.IntN(5))).AddDays(rng.IntN(3) - 1)
		c.TermStart, c.TermEnd = &start, &end
		m := int64(rng.IntN(40))
		c.TermMonths = &m
	}
	switch rng.IntN(3) {
	case 0:
		fee := models.Money(rng.Int64N(1_000_000))
		c.ETF = &fee
	case 1:
		p := models.Decimal(rng.Int64N(150_000_000) - 10_000_000)
		c.ETFPct = &p
	}
	return c
}

func TestFastForecastMatchesTheDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		on := today.AddDays(rng.IntN(6*365) - 3*365)
		var circuits []*models.Circuit
		var assets []*models.InfrastructureAsset
		for i := range 50 {
			c := randomContract(rng, i)
			circuits = append(circuits, c)
			status := models.StatusActive
			if i%5 == 0 {
				status = "inactive"
			}
			assets = append(assets, &models.InfrastructureAsset{Status: status, MRC: c.MRC, PriceEscalatorPct: c.EscalatorPct, TermStart: c.TermStart})
		}
		got, want := Forecast(circuits, assets, on), forecastByPoint(circuits, assets, on)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("round %d on %s, point %d: got %+v, want %+v", round, on, i, got[i], want[i])
			}
		}
	}
}

func TestFastExactMatchesBigRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	bases := func() models.Money {
		switch rng.IntN(4) {
		case 0:
			return models.Money(rng.Int64() - rng.Int64())
		case 1:
			return models.Money(rng.Int64N(1 << 40))
		default:
			return models.Money(rng.Int64N(10_000_000) - 1_000_000)
		}
	}
	pcts := func() models.Decimal {
		switch rng.IntN(5) {
		case 0:
			return models.Decimal(rng.Int64() - rng.Int64())
		case 1:
			return models.Decimal(-rng.Int64N(100_000_000))
		case 2:
			return models.Decimal(rng.Int64N(1_000_000_000))
		default:
			return models.Decimal(250_000 * rng.Int64N(40))
		}
	}
	for range 100_000 {
		base, pct, n := bases(), pcts(), rng.IntN(12)
		if got, want := escalate(base, pct, n), escalateExact(base, pct, n); n > 0 && got != want {
			t.Fatalf("escalate(%d, %d, %d) = %d, want %d", base, pct, n, got, want)
		}
		months := rng.IntN(400)
		if got, want := etfOf(base, pct, months), etfExact(base, pct, months); got != want {
			t.Fatalf("etfOf(%d, %d, %d) = %d, want %d", base, pct, months, got, want)
		}
		margin, revenue := models.Money(rng.Int64()-rng.Int64()), models.Money(rng.Int64N(1<<62))
		if rng.IntN(2) == 0 {
			margin, revenue = models.Money(rng.Int64N(1000)), models.Money(1+rng.Int64N(1000))
		}
		if got, want := MarginBucket(margin, revenue), marginBucketExact(margin, revenue); got != want {
			t.Fatalf("MarginBucket(%d, %d) = %s, want %s", margin, revenue, got, want)
		}
	}
	for _, c := range [][3]int64{{math.MaxInt64, 3_000_000, 1}, {math.MinInt64, 3_000_000, 1}, {math.MinInt64, 0, 3}, {1, math.MaxInt64, 1}, {-1, math.MinInt64, 2}} {
		base, pct, n := models.Money(c[0]), models.Decimal(c[1]), int(c[2])
		if got, want := escalate(base, pct, n), escalateExact(base, pct, n); got != want {
			t.Errorf("escalate(%d, %d, %d) = %d, want %d", base, pct, n, got, want)
		}
		if got, want := etfOf(base, pct, n), etfExact(base, pct, n); got != want {
			t.Errorf("etfOf(%d, %d, %d) = %d, want %d", base, pct, n, got, want)
		}
	}
}

// TestRenewalsMatchesTheSeparatePasses checks the dashboard's one-pass
// renewal overview against RenewalStatus, circuit by circuit.
func TestRenewalsMatchesTheSeparatePasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	states := append([]string{"", "bogus"}, models.RenewalStates...)
	var circuits []*models.Circuit
	for i := range 3000 {
		c := randomContract(rng, i)
		c.Label = string(rune('a' + rng.IntN(3)))
		c.RenewalState = states[rng.IntN(len(states))]
		circuits = append(circuits, c)
	}
	for _, p := range []RenewalPolicy{{}, {WindowDays: 30}} {
		ov := Renewals(circuits, today, p)
		counts := map[string]int{}
		window := 0
		var atRisk []AtRiskCircuit
		for _, c := range circuits {
			info := RenewalStatus(c, today, p)
			if info.State != "" {
				counts[info.State]++
			}
			if info.InWindow {
				window++
			}
			if IsAtRisk(info.State) {
				atRisk = append(atRisk, AtRiskCircuit{Circuit: c, Renewal: info})
			}
		}
		SortAtRisk(atRisk)
		if ov.WindowCount != window || ov.WindowCount != RenewalWindowCount(circuits, today, p) {
			t.Errorf("window count %d, want %d", ov.WindowCount, window)
		}
		for _, sc := range ov.Pipeline {
			if sc.Count != counts[sc.State] {
				t.Errorf("pipeline %s: %d, want %d", sc.State, sc.Count, counts[sc.State])
			}
		}
		if len(ov.AtRisk) != len(atRisk) {
			t.Fatalf("%d at risk, want %d", len(ov.AtRisk), len(atRisk))
		}
		for i := range atRisk {
			if ov.AtRisk[i].Circuit != atRisk[i].Circuit || ov.AtRisk[i].Renewal.State != atRisk[i].Renewal.State ||
				*ov.AtRisk[i].Renewal.Deadline != *atRisk[i].Renewal.Deadline {
				t.Fatalf("at risk %d differs", i)
			}
		}
	}
}

// TestTopNMatchesAFullSort checks the bounded selection of TopExpensive and
// LowestMargin against sorting everything and cutting.
func TestTopNMatchesAFullSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50 {
		var circuits []*models.Circuit
		var rows []CircuitMargin
		for i := range 500 {
			c := randomContract(rng, i)
			c.MRC = models.Money(rng.Int64N(20)) // plenty of ties
			c.Label = string(rune('a' + rng.IntN(4)))
			circuits = append(circuits, c)
			rows = append(rows, CircuitMargin{Circuit: c, Margin: models.Money(rng.Int64N(10) - 5)})
		}
		for _, n := range []int{1, 3, TopN, 1000} {
			all := TopExpensive(circuits, 0)
			got := TopExpensive(circuits, n)
			if len(got) != min(n, len(all)) {
				t.Fatalf("top %d: %d rows", n, len(got))
			}
			for i := range got {
				if got[i] != all[i] {
					t.Fatalf("top %d expensive, row %d differs", n, i)
				}
			}
			allM, gotM := LowestMargin(rows, 0), LowestMargin(rows, n)
			if len(gotM) != min(n, len(allM)) {
				t.Fatalf("lowest %d: %d rows", n, len(gotM))
			}
			for i := range gotM {
				if gotM[i] != allM[i] {
					t.Fatalf("lowest %d margin, row %d differs", n, i)
				}
			}
		}
	}
}

// TestBookReplaceMatchesANewBook checks that replacing circuits in a book
// gives the figures of a book built from the new list.
func TestBookReplaceMatchesANewBook(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for round := range 100 {
		var circuits []*models.Circuit
		for i := range 200 {
			circuits = append(circuits, randomContract(rng, i))
		}
		assets := []*models.InfrastructureAsset{{Status: models.StatusActive, MRC: 5000}}
		book := NewBook(circuits, assets)
		after := slices.Clone(circuits)
		var olds, news []*models.Circuit
		for range 1 + rng.IntN(5) {
			i := rng.IntN(len(after))
			if slices.Contains(olds, circuits[i]) {
				continue
			}
			n := randomContract(rng, i)
			n.ID, n.Label = circuits[i].ID, circuits[i].Label
			olds, news = append(olds, circuits[i]), append(news, n)
			after[i] = n
		}
		got, want := book.Replace(olds, news), NewBook(after, assets)
		for _, on := range []models.Date{today, today.AddDays(200)} {
			if g, w := got.Forecast(on), want.Forecast(on); !slices.Equal(g, w) {
				t.Fatalf("round %d: forecast %v, want %v", round, g, w)
			}
			if g, w := got.ETFExposure(on), want.ETFExposure(on); g != w {
				t.Fatalf("round %d: ETF exposure %d, want %d", round, g, w)
			}
			g, w := got.Renewals(on, RenewalPolicy{}), want.Renewals(on, RenewalPolicy{})
			if !slices.Equal(g.Pipeline, w.Pipeline) || g.WindowCount != w.WindowCount || len(g.AtRisk) != len(w.AtRisk) {
				t.Fatalf("round %d: renewals %+v, want %+v", round, g, w)
			}
			for i := range w.AtRisk {
				if g.AtRisk[i].Circuit != w.AtRisk[i].Circuit {
					t.Fatalf("round %d: at risk %d differs", round, i)
				}
			}
		}
	}
}
