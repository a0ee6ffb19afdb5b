// Package analytics holds the contract arithmetic of NetOS: renewal states,
// early-termination exposure, escalated prices, margin buckets and the
// dashboard rankings. Everything here is a pure function of the records it is
// given and of an injected today, so the clock, the database and the
// transports stay outside and every rule can be tested to the day and to the
// cent. docs/analytics.md states each definition with worked examples.
package analytics
