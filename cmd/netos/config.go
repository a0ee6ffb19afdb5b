package main

import (
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/server"
)

// Config is every setting of NetOS, from flags with environment twins
// (spec/CONTRACT.md). Defaults make `netos serve` work on a fresh machine.
type Config struct {
	Addr                string
	DatabaseURL         string
	Auth                string // dev or oidc
	OIDCIssuer          string
	OIDCAudience        string
	OIDCRoleClaim       string
	MonitoringSearchURL string
	SMTPURL             string
	SMTPFrom            string
	RenewalWindowDays   int
	DataDir             string // documents and import uploads
	TrustedProxies      []netip.Prefix
	Demo                bool
}

// bindFlags registers the flags of serve-like commands on fs, with the
// environment as defaults.
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", env("NETOS_ADDR", "127.0.0.1:8000"), "listen address")
	fs.StringVar(&c.DatabaseURL, "database-url", env("NETOS_DATABASE_URL", "sqlite://netos.db"), "sqlite://PATH or postgres://…")
	fs.StringVar(&c.Auth, "auth", env("NETOS_AUTH", "dev"), "dev (x-user-role header) or oidc (bearer JWT)")
	fs.StringVar(&c.DataDir, "data-dir", env("NETOS_DATA_DIR", "data"), "directory for uploaded documents and import files")
	fs.BoolVar(&c.Demo, "demo", false, "load the demo network into an empty database")
}

// loadEnv reads the settings that have no flag.
func (c *Config) loadEnv() error {
	c.OIDCIssuer = os.Getenv("NETOS_OIDC_ISSUER")
	c.OIDCAudience = os.Getenv("NETOS_OIDC_AUDIENCE")
	c.OIDCRoleClaim = env("NETOS_OIDC_ROLE_CLAIM", "roles")
	c.MonitoringSearchURL = os.Getenv("NETOS_MONITORING_SEARCH_URL")
	c.SMTPURL = os.Getenv("NETOS_SMTP_URL")
	c.SMTPFrom = env("NETOS_SMTP_FROM", "netos@localhost")
	days, err := strconv.Atoi(env("NETOS_RENEWAL_WINDOW_DAYS", "180"))
	if err != nil || days < 1 || days > 3650 {
		return errors.New("NETOS_RENEWAL_WINDOW_DAYS must be a whole number of days from 1 to 3650")
	}
	c.RenewalWindowDays = days
	for _, p := range strings.Split(os.Getenv("NETOS_TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			addr, aerr := netip.ParseAddr(p)
			if aerr != nil {
				return fmt.Errorf("NETOS_TRUSTED_PROXIES: %q is not an address or CIDR", p)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		c.TrustedProxies = append(c.TrustedProxies, prefix)
	}
	return nil
}

// validate checks the combination of settings.
func (c *Config) validate() error {
	switch c.Auth {
	case "dev":
	case "oidc":
		if c.OIDCIssuer == "" || c.OIDCAudience == "" {
			return errors.New("NETOS_AUTH=oidc needs NETOS_OIDC_ISSUER and NETOS_OIDC_AUDIENCE")
		}
	default:
		return fmt.Errorf("--auth must be dev or oidc, not %q", c.Auth)
	}
	if c.MonitoringSearchURL != "" && !strings.Contains(c.MonitoringSearchURL, "{query}") {
		return errors.New("NETOS_MONITORING_SEARCH_URL must contain {query}")
	}
	return nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func (c *Config) appConfig() app.Config {
	return app.Config{
		DatabaseURL: c.DatabaseURL, Auth: c.Auth, MonitoringSearchURL: c.MonitoringSearchURL,
		RenewalWindowDays: c.RenewalWindowDays, DataDir: c.DataDir, TrustedProxies: c.TrustedProxies,
		OIDC:   server.OIDCConfig{Issuer: c.OIDCIssuer, Audience: c.OIDCAudience, RoleClaim: c.OIDCRoleClaim},
		Extras: app.ExtrasConfig{SMTPURL: c.SMTPURL, SMTPFrom: c.SMTPFrom},
	}
}
