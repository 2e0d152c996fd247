// Command embedded-db serves the MongoDB wire protocol on loopback using
// FerretDB v1 as a library, with SQLite storage in a data folder (default)
// or PostgreSQL storage (-handler postgresql -postgresql-url ...).
//
// It prints one line "READY <mongodb uri>" on stdout once the listener is up,
// and exits cleanly on SIGINT/SIGTERM or when its stdin closes (-watch-stdin),
// so a parent process that dies never leaves it running.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dataDir := flag.String("data", "./.data/embedded-db", "folder for SQLite storage")
	host := flag.String("host", "127.0.0.1", "address to listen on (loopback by default)")
	port := flag.Int("port", 27017, "TCP port to listen on (0 = any free port)")
	handler := flag.String("handler", "sqlite", "storage handler: sqlite or postgresql")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL URL for the postgresql handler")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	watchStdin := flag.Bool("watch-stdin", false, "exit when stdin reaches EOF (parent died)")
	flag.Parse()

	if err := run(*dataDir, *host, *port, *handler, *pgURL, *logLevel, *watchStdin); err != nil {
		fmt.Fprintln(os.Stderr, "embedded-db:", err)
		os.Exit(1)
	}
}

func run(dataDir, host string, port int, handler, pgURL, logLevel string, watchStdin bool) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	addr := net.JoinHostPort(host, fmt.Sprint(port))
	if port == 0 {
		free, err := freePort(host)
		if err != nil {
			return err
		}
		addr = free
	}

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: addr},
		Logger:   logger,
		Handler:  handler,
	}
	switch handler {
	case "sqlite":
		abs, err := filepath.Abs(dataDir)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return fmt.Errorf("cannot create data folder: %w", err)
		}
		cfg.SQLiteURL = "file:" + abs + "/"
	case "postgresql":
		if pgURL == "" {
			return fmt.Errorf("-postgresql-url is required with -handler postgresql")
		}
		cfg.PostgreSQLURL = pgURL
	default:
		return fmt.Errorf("unknown -handler %q (sqlite or postgresql)", handler)
	}

	// Fail fast with a clear message when the port is taken, instead of a
	// FerretDB panic deep inside the listener.
	probe, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	probe.Close()

	f, err := ferretdb.New(cfg)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
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
	fmt.Printf("READY mongodb://%s/\n", addr)

	<-done
	return nil
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
