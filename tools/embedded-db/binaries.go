package main

// Where the postgres user can run the binaries from, when we run as root.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// sharedBinaries is where a copy of the binaries goes when the postgres user
// cannot reach the npm package: root-owned, so nobody else can plant files in
// it, and readable by everyone.
const sharedBinaries = "/var/cache/citycare-embedded-postgres"

// reachableBin returns bin, or, when we run as root and the postgres user
// cannot enter the folders above it (a clone under /root, mode 0700), a copy
// of the package's native/ folder (bin, lib, share) under sharedBinaries,
// made once per binary. The ambient capability runAs grants applies only
// after exec, and initdb checks its own path with access(2), which ignores
// capabilities: the binaries themselves must be reachable.
func reachableBin(bin string, attr *syscall.SysProcAttr) (string, error) {
	if attr.Credential == nil || canRun(bin, attr) {
		return bin, nil
	}
	sum, err := fileHash(filepath.Join(bin, "postgres"))
	if err != nil {
		return "", err
	}
	native := filepath.Dir(bin)
	copied := filepath.Join(sharedBinaries, sum[:16])
	if canRun(filepath.Join(copied, "bin"), attr) {
		return filepath.Join(copied, "bin"), nil
	}
	if err := os.MkdirAll(sharedBinaries, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(sharedBinaries, "copy-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := copyTree(native, tmp); err != nil {
		return "", fmt.Errorf("copying the PostgreSQL binaries to %s: %w", sharedBinaries, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	_ = os.RemoveAll(copied) // an unusable earlier copy
	if err := os.Rename(tmp, copied); err != nil {
		return "", err
	}
	if !canRun(filepath.Join(copied, "bin"), attr) {
		return "", fmt.Errorf("the postgres user cannot run the PostgreSQL binaries, even copied to %s", copied)
	}
	return filepath.Join(copied, "bin"), nil
}

// canRun tells whether `postgres --version` runs with attr's credentials.
func canRun(bin string, attr *syscall.SysProcAttr) bool {
	cmd := exec.Command(filepath.Join(bin, "postgres"), "--version")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: attr.Credential}
	return cmd.Run() == nil
}

func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// copyTree copies files, folders and symlinks, keeping modes.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case info.IsDir():
			return os.MkdirAll(target, info.Mode().Perm()|0o755)
		default:
			return copyFile(path, target, info.Mode().Perm()|0o444)
		}
	})
}

func copyFile(src, dst string, mode fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
