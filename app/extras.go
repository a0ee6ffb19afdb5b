package app

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/feedback"
)

// ExtrasConfig configures documents and feedback email.
type ExtrasConfig struct {
	// SMTPURL (smtp://, smtp+starttls://, smtps://) enables feedback email;
	// empty means no email.
	SMTPURL  string
	SMTPFrom string
	// MaxDocumentBytes is the upload limit; 0 means 25 MB.
	MaxDocumentBytes int64
	// Notify tunes the email sender (interval, attempts, backoff, clock);
	// From is taken from SMTPFrom when empty.
	Notify feedback.SenderOptions
	// Mailer replaces the SMTP client (nil: SMTP from SMTPURL).
	Mailer feedback.Mailer
}

// extras are the services built by buildExtras.
type extras struct {
	Documents *documents.Service
	Feedback  *feedback.Service
	// Notifier delivers feedback email in the background; nil without SMTP.
	Notifier *feedback.Sender
}

func (a *App) buildExtras(cfg Config, now func() time.Time) error {
	if cfg.DataDir == "" {
		cfg.DataDir = "data"
	}
	docs, err := documents.New(a.DB, a.Audit, documents.Options{
		Dir: filepath.Join(cfg.DataDir, "documents"), MaxBytes: cfg.Extras.MaxDocumentBytes, Now: now,
	})
	if err != nil {
		return err
	}
	a.Documents = docs
	x := cfg.Extras
	mailer := x.Mailer
	if mailer == nil && x.SMTPURL != "" {
		m, err := feedback.NewSMTPMailer(x.SMTPURL)
		if err != nil {
			return fmt.Errorf("NETOS_SMTP_URL: %w", err)
		}
		mailer = m
	}
	a.Feedback = feedback.New(a.DB, a.Audit, now, mailer != nil)
	if mailer != nil {
		o := x.Notify
		if o.From == "" {
			o.From = x.SMTPFrom
		}
		if o.Now == nil {
			o.Now = now
		}
		a.Notifier = feedback.NewSender(a.DB, mailer, o)
		a.Notifier.Start()
	}
	return nil
}

func (a *App) stopExtras() {
	if a.Notifier != nil {
		a.Notifier.Stop()
	}
}
