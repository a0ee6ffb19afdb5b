package imports

import (
	"testing"
	"time"

	"github.com/xiber/netos/models"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		want    models.Money
		wantErr bool
	}{
		{"$2,500.00", 250000, false},
		{"2500", 250000, false},
		{"2,500.00 USD", 250000, false},
		{"USD 2500", 250000, false},
		{"US$ 99.99", 9999, false},
		{"(12.50)", -1250, false},
		{"($12.50)", -1250, false},
		{"-$5", -500, false},
		{"$-5", -500, false},
		{"+7.5", 750, false},
		{"$1,200/mo", 120000, false},
		{"1200 per month", 120000, false},
		{"1,234,567.89", 123456789, false},
		{".5", 50, false},
		{"2.5E3", 250000, false},
		{"2500.0300000000002", 250003, false}, // a float written by a spreadsheet
		{"0", 0, false},
		{"2500.001", 0, true}, // a third decimal the user typed is not rounded away
		{"2,50", 0, true},     // a European decimal comma
		{"25,00.00", 0, true},
		{"€100", 0, true},
		{"$", 0, true},
		{"abc", 0, true},
		{"1/2", 0, true},
		{"2 500", 0, true},
		{"1000000000000.01", 0, true}, // over a trillion dollars
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseMoney(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseMoney(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) models.Date { return models.NewDate(y, m, d) }
	tests := []struct {
		in       string
		date1904 bool
		want     models.Date
		wantErr  bool
	}{
		{"2025-12-31", false, day(2025, 12, 31), false},
		{"2025/12/31", false, day(2025, 12, 31), false},
		{"12/31/2025", false, day(2025, 12, 31), false},
		{"1/5/2024", false, day(2024, 1, 5), false},
		{"01/14/27", false, day(2027, 1, 14), false},
		{"6/1/69", false, day(2069, 6, 1), false},
		{"6/1/70", false, day(1970, 6, 1), false},
		{"6/1/98", false, day(1998, 6, 1), false},
		{"12-31-2025", false, day(2025, 12, 31), false},
		{"Dec 31, 2025", false, day(2025, 12, 31), false},
		{"December 31 2025", false, day(2025, 12, 31), false},
		{"31-Dec-25", false, day(2025, 12, 31), false},
		{"31 Sept 2025", false, models.Date{}, true}, // no 31 September
		{"30 Sept 2025", false, day(2025, 9, 30), false},
		{"2025-Dec-31", false, day(2025, 12, 31), false},
		{"20251231", false, day(2025, 12, 31), false},
		{"2025-12-31T00:00:00Z", false, day(2025, 12, 31), false},
		{"2025-12-31 13:45:00", false, day(2025, 12, 31), false},
		{"12/31/2025 0:00", false, day(2025, 12, 31), false},
		{"46022", false, day(2025, 12, 31), false},
		{"46022.75", false, day(2025, 12, 31), false}, // the time of day is dropped
		{"44561", true, day(2026, 1, 1), false},       // the 1904 calendar: 1462 days fewer
		{"1", false, day(1900, 1, 1), false},
		{"59", false, day(1900, 2, 28), false},
		{"60", false, models.Date{}, true}, // Excel's phantom 29 February 1900
		{"61", false, day(1900, 3, 1), false},
		{"0", false, models.Date{}, true},
		{"2958466", false, models.Date{}, true},
		{"2/29/2024", false, day(2024, 2, 29), false},
		{"2/29/2025", false, models.Date{}, true},
		{"13/1/2025", false, models.Date{}, true},
		{"31/12/2025", false, models.Date{}, true}, // day/month is not read
		{"2025-12", false, models.Date{}, true},
		{"12/31/225", false, models.Date{}, true},
		{"1/1/1850", false, models.Date{}, true},
		{"soon", false, models.Date{}, true},
		{"-5", false, models.Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDate(tt.in, tt.date1904)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseDate(%q, %v) = %v, %v; want %v, error %v", tt.in, tt.date1904, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseEnum(t *testing.T) {
	tests := []struct {
		enum    enumIndex
		in      string
		want    string
		wantErr bool
	}{
		{serviceTypeEnum, "Dark Fiber", "dark_fiber", false},
		{serviceTypeEnum, "dark-fiber", "dark_fiber", false},
		{serviceTypeEnum, "DARK_FIBER", "dark_fiber", false},
		{serviceTypeEnum, "Internet", "dia", false},
		{serviceTypeEnum, "DIA", "dia", false},
		{serviceTypeEnum, "Dedicated Internet Access", "dia", false},
		{serviceTypeEnum, "Wavelength", "wave", false},
		{serviceTypeEnum, "Wave", "wave", false},
		{serviceTypeEnum, "Metro Ethernet", "ethernet", false},
		{serviceTypeEnum, "E-Line", "ethernet", false},
		{serviceTypeEnum, "Cable", "broadband", false},
		{serviceTypeEnum, "MPLS", "mpls", false},
		{serviceTypeEnum, "4G LTE", "lte", false},
		{serviceTypeEnum, "DS3", "other", false},
		{serviceTypeEnum, "Smoke signals", "", true},
		{statusEnum, "Active", "active", false},
		{statusEnum, "In Service", "active", false},
		{statusEnum, "in-service", "active", false},
		{statusEnum, "Pending Disconnect", "pending_disconnect", false},
		{statusEnum, "Disconnected", "decommissioned", false},
		{statusEnum, "Canceled", "cancelled", false},
		{statusEnum, "Ordered", "ordered", false},
		{statusEnum, "Provisioning", "installing", false},
		{statusEnum, "Quote", "quoted", false},
		{statusEnum, "Pending", "", true}, // pending what? too vague to guess
		{renewalEnum, "Auto Renew", "auto", false},
		{renewalEnum, "Evergreen", "auto", false},
		{renewalEnum, "Yes", "auto", false},
		{renewalEnum, "No", "manual", false},
		{renewalEnum, "Manual", "manual", false},
		{renewalEnum, "Month-to-Month", "month_to_month", false},
		{renewalEnum, "MTM", "month_to_month", false},
		{renewalEnum, "none", "none", false},
		{renewalEnum, "sometimes", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := tt.enum.parse(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parse(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseBandwidth(t *testing.T) {
	tests := []struct {
		in      string
		unit    int64
		want    int64
		wantErr bool
	}{
		{"10G", mbps, 10_000, false},
		{"10 Gbps", mbps, 10_000, false},
		{"10GE", mbps, 10_000, false},
		{"10 GigE", mbps, 10_000, false},
		{"100 Gb/s", mbps, 100_000, false},
		{"500M", mbps, 500, false},
		{"500 Mbps", mbps, 500, false},
		{"100 Mbit/s", mbps, 100, false},
		{"1,000", mbps, 1_000, false},
		{"1000", mbps, 1_000, false},
		{"1.5G", mbps, 1_500, false},
		{"1000/35", mbps, 1_000, false}, // broadband down/up: the download speed
		{"1G/35M", mbps, 1_000, false},
		{"1 Tbps", mbps, 1_000_000, false},
		{"512000 kbps", mbps, 512, false},
		{"10", gbps, 10_000, false}, // a bare number in a "Speed (Gbps)" column
		{"1.544 Mbps", mbps, 0, true},
		{"1.5", mbps, 0, true},
		{"0", mbps, 0, true},
		{"fast", mbps, 0, true},
		{"10 furlongs", mbps, 0, true},
		{"-10G", mbps, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseBandwidth(tt.in, tt.unit)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseBandwidth(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in      string
		want    models.Decimal
		wantErr bool
	}{
		{"3%", models.DecimalFromInt(3), false},
		{"3", models.DecimalFromInt(3), false},
		{"3.0", models.DecimalFromInt(3), false},
		{"2.5 %", 2_500_000, false},
		{"3 percent", models.DecimalFromInt(3), false},
		{"0.03", 30_000, false}, // a bare fraction is 0.03 %, not 3 %
		{"3.5000000000000003%", 3_500_000, false},
		{"-1%", models.DecimalFromInt(-1), false},
		{"1.0000001", 0, true},
		{"three", 0, true},
		{"%", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parsePercent(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parsePercent(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseCoordinate(t *testing.T) {
	tests := []struct {
		in      string
		lat     bool
		want    float64
		wantErr bool
	}{
		{"41.4993", true, 41.4993, false},
		{"-81.6944", false, -81.6944, false},
		{"41.4993° N", true, 41.4993, false},
		{"81.6944W", false, -81.6944, false},
		{"S 33.9", true, -33.9, false},
		{"90", true, 90, false},
		{"90.0001", true, 0, true},
		{"-180", false, -180, false},
		{"181", false, 0, true},
		{"-81.6W", false, 0, true},
		{"41.5 E", true, 0, true}, // E is not a latitude hemisphere
		{"NaN", true, 0, true},
		{"Inf", false, 0, true},
		{"north", true, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseCoordinate(tt.in, tt.lat)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseCoordinate(%q, %v) = %v, %v; want %v, error %v", tt.in, tt.lat, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in      string
		units   map[string]int64
		want    int64
		wantErr bool
	}{
		{"36", monthUnits, 36, false},
		{"36.0", monthUnits, 36, false},
		{"36 months", monthUnits, 36, false},
		{"36mo", monthUnits, 36, false},
		{"3 years", monthUnits, 36, false},
		{"5 yr", monthUnits, 60, false},
		{"60", dayUnits, 60, false},
		{"90 days", dayUnits, 90, false},
		{"1,000", dayUnits, 1000, false},
		{"36.5", monthUnits, 0, true},
		{"2 months", dayUnits, 0, true},
		{"-5", dayUnits, 0, true},
		{"thirty", dayUnits, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseCount(tt.in, tt.units)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseCount(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{"https://librenms.xiber.local/device/123", false},
		{"http://10.0.0.5/graphs?id=7", false},
		{"librenms.xiber.local/device/123", true},
		{"ftp://example.com/x", true},
		{"https://", true},
		{"https://exa mple.com", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if _, err := parseURL(tt.in); (err != nil) != tt.wantErr {
				t.Errorf("parseURL(%q) error = %v; want error %v", tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestNormalizeState(t *testing.T) {
	tests := map[string]string{
		"OH": "OH", "oh": "OH", "Ohio": "OH", "new  york": "NY", "District of Columbia": "DC",
		"Ontario": "Ontario", "Ohoi": "Ohoi",
	}
	for in, want := range tests {
		if got := normalizeState(in); got != want {
			t.Errorf("normalizeState(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestBlankAndErrorCells(t *testing.T) {
	for _, s := range []string{"", "-", "--", "N/A", "n/a", "NULL", "(blank)"} {
		if !isBlank(s) {
			t.Errorf("isBlank(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "none", "#1"} {
		if isBlank(s) {
			t.Errorf("isBlank(%q) = true", s)
		}
	}
	for _, s := range []string{"#REF!", "#N/A", "#div/0!"} {
		if !isExcelError(s) {
			t.Errorf("isExcelError(%q) = false", s)
		}
	}
	if isExcelError("#42 Main St") {
		t.Error(`isExcelError("#42 Main St") = true`)
	}
}
