package imports_test

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"net/http"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/imports"
)

// BenchmarkImport100k previews and commits 100,000 rows end to end: over
// HTTP, into a real database (SQLite unless NETOS_TEST_ENGINE says
// otherwise), as CSV and as XLSX. It reports the wall time of each step
// and the peak memory of the process (VmHWM, reset before each file where
// the kernel allows, and the peak Go heap sampled every 20 ms).
func BenchmarkImport100k(b *testing.B) {
	for _, tt := range []struct {
		name string
		file string
		data func(*testing.B) []byte
	}{
		{"CSV", "circuits.csv", func(*testing.B) []byte { return imports.BenchCSV() }},
		{"XLSX", "circuits.xlsx", imports.BenchXLSX},
	} {
		b.Run(tt.name, func(b *testing.B) {
			data := tt.data(b)
			for b.Loop() {
				b.StopTimer()
				a := apptest.New(b)
				measureImport(b, a.URL, tt.name, tt.file, data, counts{Inserted: 100_000})
				b.StartTimer()
			}
		})
	}
}

// BenchmarkReimport100k imports the 100,000-row CSV (untimed), then
// imports it again, as a monthly re-export would come: once unchanged
// (every row matched, nothing written) and once with every row's NRC
// changed (100,000 updates, each with its audit entry).
func BenchmarkReimport100k(b *testing.B) {
	for _, tt := range []struct {
		name string
		file func() []byte
		want counts
	}{
		{"unchanged", imports.BenchCSV, counts{Updated: 100_000, Unchanged: 100_000}},
		{"all-changed", func() []byte {
			return bytes.ReplaceAll(imports.BenchCSV(), []byte(",$0,"), []byte(",$1,"))
		}, counts{Updated: 100_000}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				a := apptest.New(b)
				p := decode[job](b, upload(b, a.URL, exec, "circuits.csv", imports.BenchCSV(), nil), http.StatusCreated)
				decode[counts](b, commit(b, a.URL, exec, p.ID, ""), http.StatusOK)
				measureImport(b, a.URL, "re-import, "+tt.name, "circuits.csv", tt.file(), tt.want)
				b.StartTimer()
			}
		})
	}
}

// measureImport previews and commits data under the benchmark's timer,
// requires the commit's counts to be want, and reports the wall time of
// each step and the peak memory. The timer is stopped on entry and exit.
func measureImport(b *testing.B, url, name, file string, data []byte, want counts) {
	b.Helper()
	// Memory the generated test data used and freed is handed back first,
	// so the peak is the import's.
	debug.FreeOSMemory()
	resetHWM()
	stop := sampleHeap()
	b.StartTimer()
	start := time.Now()
	p := decode[job](b, upload(b, url, exec, file, data, nil), http.StatusCreated)
	previewed := time.Since(start)
	c := decode[counts](b, commit(b, url, exec, p.ID, ""), http.StatusOK)
	total := time.Since(start)
	b.StopTimer()
	heap := stop()
	if p.Validation.ValidRows != 100_000 || c != want {
		b.Fatalf("preview %+v, commit %+v; want %+v", p.Validation, c, want)
	}
	b.ReportMetric(previewed.Seconds(), "preview-s")
	b.ReportMetric((total - previewed).Seconds(), "commit-s")
	b.ReportMetric(total.Seconds(), "total-s")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(vmHWM())/(1<<10), "VmHWM-MB")
	b.Logf("%s: %.1f MB, preview %.1fs, commit %.1fs, total %.1fs, peak heap %d MB, VmHWM %d MB",
		name, float64(len(data))/(1<<20), previewed.Seconds(), (total - previewed).Seconds(), total.Seconds(), heap>>20, vmHWM()>>10)
}

// sampleHeap records the largest in-use heap until the returned func is called.
func sampleHeap() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse+ms.StackInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// resetHWM resets the process's VmHWM (Linux: clear_refs 5).
func resetHWM() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// vmHWM is the process's peak resident set in kB, 0 where unknown.
func vmHWM() uint64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}
