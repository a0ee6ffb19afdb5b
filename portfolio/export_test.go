package portfolio

// DropCachedDashboard forces the next Dashboard to re-read all its data
// and recompute, as a sweep changing many circuits does (benchmarks time
// it with the attribution report still cached).
func (s *Service) DropCachedDashboard() { s.invalidate() }

// MarkCircuitsChanged is what a renewal action or sweep does after
// changing the renewal columns of circuits ids.
func (s *Service) MarkCircuitsChanged(ids ...string) { s.circuitsChanged(ids...) }
