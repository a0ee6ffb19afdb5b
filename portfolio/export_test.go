package portfolio

// DropCachedDashboard forces the next Dashboard to recompute (benchmarks
// time the computation with the attribution report still cached).
func (s *Service) DropCachedDashboard() { s.invalidate() }
