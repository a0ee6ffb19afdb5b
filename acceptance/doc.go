// Package acceptance holds end-to-end tests that cross transports: a network
// built through the REST API as a client would, then read back through REST
// and GraphQL, which must agree to the cent with each other and the spec.
package acceptance
