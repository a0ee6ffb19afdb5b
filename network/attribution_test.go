package network_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// TestConcurrentReadersSeeWholeReports reads the attribution report from
// several goroutines while customers are added: every report a reader gets
// conserves cost to the cent, and the last read sees every write.
func TestConcurrentReadersSeeWholeReports(t *testing.T) {
	e := newEnv(t)
	tower := e.asset("Tower", 500)
	const writes = 12
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				rep, err := e.s.Attribution(e.ctx)
				if err != nil {
					errs <- err
					return
				}
				if tot := rep.Totals; tot.AttributedCost+tot.StrandedCost != tot.TotalCost {
					errs <- fmt.Errorf("a report does not conserve: %+v", tot)
					return
				}
			}
		}()
	}
	for i := range writes {
		c := e.customer(fmt.Sprintf("C%d", i), 100)
		e.mustLink(tower, models.KindCustomer, c, network.Values{})
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rep, err := e.s.Attribution(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(rep.DownstreamCustomers(tower)); got != writes {
		t.Fatalf("the last report sees %d customers, want %d", got, writes)
	}
	if rep.Totals.AttributedCost != models.Dollars(500, 0) || rep.Totals.StrandedCost != 0 {
		t.Fatalf("totals = %+v", rep.Totals)
	}
}
