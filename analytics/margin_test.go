package analytics

import (
	"slices"
	"testing"

	"github.com/xiber/netos/models"
)

func TestMarginBucketEdges(t *testing.T) {
	cases := []struct {
		name            string
		margin, revenue string
		want            string
	}{
		{"no revenue has no percentage", "-50", "0", BucketNoRevenue},
		{"zero margin on zero revenue has no revenue", "0", "0", BucketNoRevenue},
		{"negative revenue is treated as none", "10", "-1", BucketNoRevenue},
		{"a cent of loss is below zero", "-0.01", "100", BucketNegative},
		{"a margin of exactly 0 % is 0-20", "0", "100", Bucket0to20},
		{"19.99 % is 0-20", "19.99", "100", Bucket0to20},
		{"20 % exactly is 20-40", "20", "100", Bucket20to40},
		{"a fifth computed exactly is 20-40", "0.01", "0.05", Bucket20to40},
		{"a third is 20-40", "1", "3", Bucket20to40},
		{"39.99 % is 20-40", "39.99", "100", Bucket20to40},
		{"40 % is 40-60", "40", "100", Bucket40to60},
		{"59.99 % is 40-60", "59.99", "100", Bucket40to60},
		{"60 % is 60-80", "60", "100", Bucket60to80},
		{"79.99 % is 60-80", "79.99", "100", Bucket60to80},
		{"80 % is 80-100", "80", "100", Bucket80to100},
		{"100 % is 80-100", "100", "100", Bucket80to100},
		{"above 100 % is 80-100", "150", "100", Bucket80to100},
		{"amounts near a trillion dollars compare exactly", "199999999999.99", "1000000000000", Bucket0to20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := MarginBucket(usd(tc.margin), usd(tc.revenue)); got != tc.want {
				t.Errorf("MarginBucket(%s, %s) = %q, want %q", tc.margin, tc.revenue, got, tc.want)
			}
		})
	}
}

func TestMarginHistogramCountsBillingCircuits(t *testing.T) {
	row := func(status, margin, revenue string) CircuitMargin {
		return CircuitMargin{Circuit: &models.Circuit{Status: status}, Margin: usd(margin), Revenue: usd(revenue)}
	}
	gone := row(models.StatusActive, "50", "100")
	deleted(gone.Circuit)
	rows := []CircuitMargin{
		row(models.StatusActive, "0", "0"),
		row(models.StatusActive, "-5", "100"),
		row(models.StatusPendingDisconnect, "20", "100"),
		row(models.StatusActive, "25", "100"),
		row(models.StatusActive, "90", "100"),
		row(models.StatusDecommissioned, "90", "100"),
		row("ordered", "90", "100"),
		gone,
		{Circuit: nil},
	}
	got := MarginHistogram(rows)

	t.Run("every bucket is listed in display order", func(t *testing.T) {
		var names []string
		for _, b := range got {
			names = append(names, b.Bucket)
		}
		if !slices.Equal(names, MarginBuckets) {
			t.Errorf("buckets %v", names)
		}
	})
	t.Run("only live billing circuits are counted", func(t *testing.T) {
		want := []int{1, 1, 0, 2, 0, 0, 1}
		for i, b := range got {
			if b.Count != want[i] {
				t.Errorf("%s = %d, want %d", b.Bucket, b.Count, want[i])
			}
		}
	})
}
