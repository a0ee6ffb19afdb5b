// Package smtptest runs a real SMTP server (emersion/go-smtp) on
// 127.0.0.1 for tests: it records every delivered message and can refuse
// the first deliveries with a temporary error to exercise retries.
package smtptest

import (
	"errors"
	"io"
	"net"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// Message is one delivered email.
type Message struct {
	From string
	To   []string
	Data []byte
}

// Server is a running test SMTP server.
type Server struct {
	// URL is smtp://127.0.0.1:PORT.
	URL string

	mu       sync.Mutex
	reject   int // deliveries still to refuse; -1 refuses all
	attempts int
	messages []Message
}

// Start runs a server for t, refusing the first reject deliveries (-1: all)
// with "451 try again later".
func Start(t testing.TB, reject int) *Server {
	t.Helper()
	s := &Server{reject: reject}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{srv: s}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.URL = "smtp://" + l.Addr().String()
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { srv.Close() })
	return s
}

// Messages returns the delivered messages.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Attempts counts DATA commands, refused ones included.
func (s *Server) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

type session struct {
	srv  *Server
	from string
	to   []string
}

func (c *session) Reset()        { c.from, c.to = "", nil }
func (c *session) Logout() error { return nil }

func (c *session) Mail(from string, _ *smtp.MailOptions) error {
	c.from = from
	return nil
}

func (c *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	c.to = append(c.to, to)
	return nil
}

func (c *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := c.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempts++
	if s.reject != 0 {
		if s.reject > 0 {
			s.reject--
		}
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	if c.from == "" || len(c.to) == 0 {
		return errors.New("no envelope")
	}
	s.messages = append(s.messages, Message{From: c.from, To: append([]string(nil), c.to...), Data: data})
	return nil
}
