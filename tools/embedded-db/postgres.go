package main

// The embedded PostgreSQL cluster: created once with initdb, run as a child
// of this program on a free loopback port, stopped when this program stops.
// Why this program owns the postgres process rather than the Node scripts:
// docs/decisions/0007-embedded-postgresql-storage.md.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

const (
	pgSuperuser      = "postgres" // initdb --username, and the OS user when we run as root
	pgDatabase       = "citycare" // the PostgreSQL database FerretDB keeps its schemas in
	pgStartLimit     = 60 * time.Second
	pgStopLimit      = 15 * time.Second
	capDacReadSearch = 2 // CAP_DAC_READ_SEARCH, see linux/capability.h
)

type cluster struct {
	bin     string // folder with initdb and postgres
	dataDir string
	options []string // extra "name=value" server settings
	logger  *slog.Logger

	cmd  *exec.Cmd
	done chan error // closed with the exit error once postgres has exited
	url  string
}

// runAs is how children are started: as ourselves, or, when we are root
// (PostgreSQL refuses to run as root), as the postgres user. That user may
// not be allowed into the folders holding the binaries or the data (a clone
// under /root, a 0700 temp folder), so it keeps CAP_DAC_READ_SEARCH, which
// lets it read and traverse folders but not write anything it does not own.
func runAs(logger *slog.Logger) (*syscall.SysProcAttr, error) {
	attr := &syscall.SysProcAttr{
		// The kernel stops postgres (fast shutdown) if this program dies
		// without stopping it, even by SIGKILL: no orphan servers.
		Pdeathsig: syscall.SIGINT,
		// Its own process group: a Ctrl-C in the terminal reaches this
		// program, which stops FerretDB first and postgres after it.
		Setpgid: true,
	}
	if os.Geteuid() != 0 {
		return attr, nil
	}
	u, err := lookupOrCreateUser(logger)
	if err != nil {
		return nil, err
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	attr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}
	attr.AmbientCaps = []uintptr{capDacReadSearch}
	return attr, nil
}

// lookupOrCreateUser finds the postgres OS user, creating it (as the
// embedded-postgres package's createPostgresUser does) on a machine without one.
func lookupOrCreateUser(logger *slog.Logger) (*user.User, error) {
	if u, err := user.Lookup(pgSuperuser); err == nil {
		return u, nil
	}
	logger.Info("creating the OS user postgres to run the embedded PostgreSQL (it refuses to run as root)")
	out, err := exec.Command("useradd", "--system", "--user-group", "--no-create-home",
		"--shell", "/usr/sbin/nologin", pgSuperuser).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("running as root, and cannot create the OS user postgres: %v: %s", err, out)
	}
	return user.Lookup(pgSuperuser)
}

// ensureInitialized runs initdb once; a data folder with PG_VERSION is kept as is.
func (c *cluster) ensureInitialized(attr *syscall.SysProcAttr) error {
	if b, err := os.ReadFile(filepath.Join(c.dataDir, "PG_VERSION")); err == nil {
		return c.checkMajorVersion(strings.TrimSpace(string(b)))
	}
	// A folder left by an interrupted initdb is not a cluster: start again.
	if err := os.RemoveAll(c.dataDir); err != nil {
		return err
	}
	tmp := c.dataDir + ".initdb"
	_ = os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return err
	}
	if err := chownToRunner(tmp, attr); err != nil {
		return err
	}
	started := time.Now()
	// C locale and UTF8: what FerretDB accepts (it checks both at connect).
	// Trust on loopback only: the MongoDB port in front of it has no
	// authentication either (ADR 0007).
	cmd := exec.Command(filepath.Join(c.bin, "initdb"),
		"--pgdata="+tmp, "--username="+pgSuperuser, "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-instructions")
	cmd.SysProcAttr = attr
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb failed: %v\n%s", err, tail(out))
	}
	if err := os.Rename(tmp, c.dataDir); err != nil {
		return err
	}
	c.logger.Info("initdb done", slog.Duration("took", time.Since(started)))
	return nil
}

// checkMajorVersion explains, instead of a postgres FATAL, why a data folder
// made by another PostgreSQL major version (the npm package was upgraded)
// cannot be opened.
func (c *cluster) checkMajorVersion(dataMajor string) error {
	out, err := exec.Command(filepath.Join(c.bin, "postgres"), "--version").Output()
	if err != nil {
		return fmt.Errorf("cannot run postgres --version: %w", err)
	}
	fields := strings.Fields(string(out)) // postgres (PostgreSQL) 18.4
	binMajor := strings.SplitN(fields[len(fields)-1], ".", 2)[0]
	if binMajor != dataMajor {
		return fmt.Errorf("the data in %s is from PostgreSQL %s, the embedded PostgreSQL is %s: "+
			"move that folder away (or dump it with PostgreSQL %s) and start again", c.dataDir, dataMajor, binMajor, dataMajor)
	}
	return nil
}

func chownToRunner(dir string, attr *syscall.SysProcAttr) error {
	if attr.Credential == nil {
		return nil
	}
	return os.Chown(dir, int(attr.Credential.Uid), int(attr.Credential.Gid))
}

// stopStale stops a postgres still running on our data folder, e.g. from a
// run whose machine froze mid-shutdown, so that a new start does not fail on
// its lock file.
func (c *cluster) stopStale() {
	b, err := os.ReadFile(filepath.Join(c.dataDir, "postmaster.pid"))
	if err != nil {
		return
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil || pid <= 0 {
		return
	}
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil || filepath.Base(exe) != "postgres" {
		return // not running, or the pid now belongs to something else
	}
	c.logger.Warn("stopping a postgres left running on the data folder", slog.Int("pid", pid))
	_ = syscall.Kill(pid, syscall.SIGINT)
	for deadline := time.Now().Add(pgStopLimit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if syscall.Kill(pid, 0) != nil {
			return
		}
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
}

// start initializes the cluster if needed, then runs postgres on a free port.
func (c *cluster) start(ctx context.Context, host string) error {
	attr, err := runAs(c.logger)
	if err != nil {
		return err
	}
	if c.bin, err = reachableBin(c.bin, attr); err != nil {
		return err
	}
	if err := c.ensureInitialized(attr); err != nil {
		return err
	}
	c.stopStale()
	// The port is free when we ask, but another process may take it before
	// postgres binds it (other test runs start databases too): try another.
	for attempt := 1; ; attempt++ {
		port, err := freePort(host)
		if err != nil {
			return err
		}
		err = c.run(ctx, host, port, attr)
		if err == nil || !errors.Is(err, errPortTaken) || attempt == 3 {
			return err
		}
		c.logger.Warn("postgres: port taken meanwhile, trying another", slog.String("port", port))
	}
}

var errPortTaken = errors.New("port taken")

// run starts postgres on host:port and waits until the citycare database answers.
func (c *cluster) run(ctx context.Context, host, hostPort string, attr *syscall.SysProcAttr) error {
	_, port, _ := net.SplitHostPort(hostPort)
	args := []string{
		"-D", c.dataDir,
		"-c", "listen_addresses=" + host,
		"-c", "port=" + port,
		// No Unix socket: nothing to collide with in /tmp or /var/run/postgresql.
		"-c", "unix_socket_directories=",
		// JIT compiles for "expensive" plans, which a seq scan over a big
		// collection is; it costs more than it saves on queries like ours.
		"-c", "jit=off",
		// A development database: keep up to a few hundred ms of commits
		// in memory rather than wait for the disk (no corruption on a crash).
		"-c", "synchronous_commit=off",
	}
	for _, o := range c.options {
		args = append(args, "-c", o)
	}

	output := &tailBuffer{max: 8 << 10}
	started := make(chan error, 1)
	c.done = make(chan error, 1)
	// Pdeathsig fires when the *thread* that started the child exits, so the
	// goroutine that starts postgres keeps its thread until postgres is gone.
	go func() {
		runtime.LockOSThread()
		cmd := exec.Command(filepath.Join(c.bin, "postgres"), args...)
		cmd.SysProcAttr = attr
		cmd.Env = append(os.Environ(), "LC_ALL=C")
		cmd.Stdout = io.MultiWriter(os.Stderr, output)
		cmd.Stderr = cmd.Stdout
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		c.cmd = cmd
		started <- nil
		c.done <- cmd.Wait()
		close(c.done)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("cannot start postgres: %w", err)
	}

	base := fmt.Sprintf("postgres://%s@%s/", pgSuperuser, hostPort)
	if err := c.waitReady(ctx, base+"postgres", output); err != nil {
		c.stop()
		return err
	}
	if err := createDatabase(ctx, base+"postgres", pgDatabase); err != nil {
		c.stop()
		return err
	}
	c.url = base + pgDatabase
	return nil
}

func (c *cluster) waitReady(ctx context.Context, url string, output *tailBuffer) error {
	deadline := time.Now().Add(pgStartLimit)
	for {
		select {
		case err := <-c.done:
			if strings.Contains(output.String(), "could not bind") {
				return errPortTaken
			}
			return fmt.Errorf("postgres exited during start-up (%v):\n%s", err, output.String())
		default:
		}
		attemptCtx, cancel := context.WithTimeout(ctx, time.Second)
		conn, err := pgx.Connect(attemptCtx, url)
		cancel()
		if err == nil {
			_ = conn.Close(ctx)
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("postgres did not accept connections within %s: %v\n%s", pgStartLimit, err, output.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func createDatabase(ctx context.Context, url, name string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	return err
}

// stop asks for a fast shutdown (sessions aborted, data flushed) and waits.
func (c *cluster) stop() {
	if c.cmd == nil {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-c.done:
	case <-time.After(pgStopLimit):
		c.logger.Warn("postgres did not stop in time; killing it")
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

// tailBuffer keeps the last bytes written, for error messages.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if extra := t.buf.Len() - t.max; extra > 0 {
		t.buf.Next(extra)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(t.buf.String())
}

func tail(b []byte) string {
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return strings.TrimSpace(string(b))
}
