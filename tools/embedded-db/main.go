// Command embedded-db serves the MongoDB wire protocol on loopback using
// FerretDB v1 as a library, with PostgreSQL storage: either an embedded
// PostgreSQL it runs itself (-postgres-bin, data in -data) or an existing
// server (-postgresql-url). Either way it keeps the GIN indexes FerretDB's SQL
// can use (indexkeeper.sql) and plans FerretDB's statements with constants.
//
// It prints one line "READY <mongodb uri> <postgresql url>" on stdout once
// both are up, and on SIGINT/SIGTERM or when its stdin closes (-watch-stdin)
// stops FerretDB, then PostgreSQL; a parent that dies never leaves either
// running. ADR: docs/decisions/0007-embedded-postgresql-storage.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// repeated collects a flag given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

type config struct {
	dataDir, host, pgBin, pgURL, logLevel string
	port                                  int
	pgOptions                             repeated
	watchStdin                            bool
}

func main() {
	var c config
	flag.StringVar(&c.dataDir, "data", "./.data/embedded-db", "folder for the embedded PostgreSQL cluster (kept in <data>/pg)")
	flag.StringVar(&c.host, "host", "127.0.0.1", "address to listen on (loopback by default)")
	flag.IntVar(&c.port, "port", 27017, "TCP port for the MongoDB wire protocol (0 = any free port)")
	flag.StringVar(&c.pgBin, "postgres-bin", "", "folder with initdb and postgres: run an embedded PostgreSQL")
	flag.Var(&c.pgOptions, "postgres-option", "name=value server setting for the embedded PostgreSQL (repeatable)")
	flag.StringVar(&c.pgURL, "postgresql-url", "", "use this PostgreSQL server instead of an embedded one")
	flag.StringVar(&c.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	flag.BoolVar(&c.watchStdin, "watch-stdin", false, "exit when stdin reaches EOF (parent died)")
	flag.Parse()

	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "embedded-db:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", c.logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	if (c.pgBin == "") == (c.pgURL == "") {
		return errors.New("give either -postgres-bin (embedded PostgreSQL) or -postgresql-url (an existing server)")
	}

	addr := net.JoinHostPort(c.host, strconv.Itoa(c.port))
	if c.port == 0 {
		free, err := freePort(c.host)
		if err != nil {
			return err
		}
		addr = free
	}
	// Fail fast with a clear message when the port is taken, instead of a
	// FerretDB panic deep inside the listener. The probe is held until
	// PostgreSQL has its own port: a free port asked for meanwhile is never
	// this one (it was, once: PostgreSQL took the port FerretDB was given).
	probe, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	probeOpen := true
	closeProbe := func() {
		if probeOpen {
			probe.Close()
			probeOpen = false
		}
	}
	defer closeProbe()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if c.watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	pgURL := c.pgURL
	if c.pgBin != "" {
		pg, err := startEmbeddedPostgres(ctx, c, logger)
		if err != nil {
			return err
		}
		defer pg.stop()
		pgURL = pg.url
	}
	closeProbe()

	if err := startIndexKeeper(ctx, pgURL, logger); err != nil {
		return err
	}
	ferretURL, err := withPlannerSettings(pgURL)
	if err != nil {
		return err
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: addr},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: ferretURL,
	})
	if err != nil {
		return err
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()
	if err := waitListening(ctx, addr, 10*time.Second); err != nil {
		stop()
		<-done
		return err
	}
	fmt.Printf("READY mongodb://%s/ %s\n", addr, pgURL)

	<-done
	return nil
}

func startEmbeddedPostgres(ctx context.Context, c config, logger *slog.Logger) (*cluster, error) {
	dataDir, err := filepath.Abs(filepath.Join(c.dataDir, "pg"))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dataDir), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create data folder: %w", err)
	}
	bin, err := filepath.Abs(c.pgBin)
	if err != nil {
		return nil, err
	}
	pg := &cluster{bin: bin, dataDir: dataDir, options: c.pgOptions, logger: logger}
	if err := pg.start(ctx, c.host); err != nil {
		return nil, err
	}
	return pg, nil
}

// freePort asks the kernel for a free TCP port on host.
func freePort(host string) (string, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitListening(ctx context.Context, addr string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("listener on %s did not come up within %s", addr, limit)
}
