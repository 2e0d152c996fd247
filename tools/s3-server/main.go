// Command s3-server serves the S3 protocol on loopback for the tests and the
// benchmarks: gofakes3 (a real implementation of the S3 REST protocol, SigV4
// requests included, objects in memory or in a bbolt file), so the media
// store's S3 adapter is tested against an S3 server over HTTP rather than a
// mock. It creates the buckets named by -bucket, prints one line
// "READY http://<host>:<port>" on stdout once listening, and exits on
// SIGINT/SIGTERM or when its stdin closes (-watch-stdin). Why not SeaweedFS:
// docs/decisions/0011-photo-object-storage.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3bolt"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to listen on (loopback by default)")
	port := flag.Int("port", 0, "TCP port (0 = any free port)")
	buckets := flag.String("bucket", "citycare-media", "comma-separated buckets to create")
	dbFile := flag.String("db", "", "keep objects in this bbolt file (default: in memory)")
	watchStdin := flag.Bool("watch-stdin", false, "exit when stdin reaches EOF (parent died)")
	flag.Parse()

	var backend gofakes3.Backend = s3mem.New()
	if *dbFile != "" {
		b, err := s3bolt.NewFile(*dbFile)
		if err != nil {
			fail(err)
		}
		backend = b
	}
	for _, name := range strings.Split(*buckets, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if err := backend.CreateBucket(name); err != nil && !gofakes3.HasErrorCode(err, gofakes3.ErrBucketAlreadyExists) {
			fail(err)
		}
	}
	faker := gofakes3.New(backend, gofakes3.WithLogger(gofakes3.DiscardLog()))

	listener, err := net.Listen("tcp", net.JoinHostPort(*host, fmt.Sprint(*port)))
	if err != nil {
		fail(err)
	}
	server := &http.Server{Handler: faker.Server()}
	go func() {
		if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fail(err)
		}
	}()
	fmt.Printf("READY http://%s\n", listener.Addr().String())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop <- syscall.SIGTERM
		}()
	}
	<-stop
	_ = server.Close()
}

func fail(err error) {
	log.SetFlags(0)
	log.Fatalf("s3-server: %v", err)
}
