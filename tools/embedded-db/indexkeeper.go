package main

// Installs the index keeper (indexkeeper.sql, the one place that knows
// FerretDB's PostgreSQL storage layout) and sets the plan-cache mode that lets
// its indexes serve FerretDB's prepared statements.

import (
	"context"
	_ "embed"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
)

//go:embed indexkeeper.sql
var indexKeeperSQL string

// sweepEvery is how often the keeper sweeps when it could not install its
// event trigger (a PostgreSQL user that is not a superuser).
const sweepEvery = 5 * time.Second

// withPlannerSettings returns FerretDB's connection URL with
// plan_cache_mode=force_custom_plan as a runtime parameter of every
// connection. FerretDB's pgx pool prepares and caches its statements; after
// five runs PostgreSQL may switch a statement to a generic plan, where the
// field name in `_jsonb->$1 @> $2` is an unknown parameter and no expression
// index can match, i.e. a sequential scan. A custom plan sees the field name
// as a constant. Set per connection (not ALTER DATABASE) so that it holds on
// a server where we may not alter the database, and for nothing but FerretDB.
func withPlannerSettings(pgURL string) (string, error) {
	u, err := url.Parse(pgURL)
	if err != nil {
		return "", fmt.Errorf("bad PostgreSQL URL: %w", err)
	}
	q := u.Query()
	q.Set("plan_cache_mode", "force_custom_plan")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// startIndexKeeper installs the keeper, sweeps every existing database once and,
// when the event trigger could not be installed, keeps sweeping until ctx ends.
func startIndexKeeper(ctx context.Context, pgURL string, logger *slog.Logger) error {
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		return fmt.Errorf("index keeper: %w", err)
	}
	defer conn.Close(ctx)

	// One installer at a time: several programs may share one server.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtext('citycare_index_keeper'))`); err != nil {
		return fmt.Errorf("index keeper: %w", err)
	}
	if err := conn.PgConn().Exec(ctx, indexKeeperSQL).Close(); err != nil {
		return fmt.Errorf("index keeper: installing: %w", err)
	}
	var triggered bool
	if err := conn.QueryRow(ctx, `SELECT citycare_index_keeper.install_event_trigger()`).Scan(&triggered); err != nil {
		return fmt.Errorf("index keeper: %w", err)
	}
	started := time.Now()
	if _, err := conn.Exec(ctx, `SELECT citycare_index_keeper.sweep()`); err != nil {
		return fmt.Errorf("index keeper: sweep: %w", err)
	}
	logger.Info("index keeper: swept", slog.Duration("took", time.Since(started)))
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtext('citycare_index_keeper'))`); err != nil {
		return fmt.Errorf("index keeper: %w", err)
	}

	if !triggered {
		logger.Warn("index keeper: not a superuser, so no event trigger; new databases get their indexes by a sweep every " + sweepEvery.String())
		go sweepUntilDone(ctx, pgURL, logger)
	}
	return nil
}

func sweepUntilDone(ctx context.Context, pgURL string, logger *slog.Logger) {
	ticker := time.NewTicker(sweepEvery)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		conn, err := pgx.Connect(ctx, pgURL)
		if err == nil {
			_, err = conn.Exec(ctx, `SELECT citycare_index_keeper.sweep()`)
			_ = conn.Close(context.Background())
		}
		if err != nil && ctx.Err() == nil {
			logger.Warn("index keeper: sweep failed", slog.String("error", err.Error()))
		}
	}
}
