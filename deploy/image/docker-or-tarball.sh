#!/usr/bin/env bash
# The "docker" that Jib (quarkus-container-image-jib) calls when it builds without pushing: with a reachable
# Docker daemon it is plain docker, so the image is loaded there; without one it answers the few commands Jib
# sends and writes the image it would have loaded to target/jib-image.tar (Docker archive format), for
# `docker load`, `podman load` or `skopeo copy docker-archive:...` elsewhere. Set as quarkus.jib.docker-executable-name.
set -euo pipefail

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    exec docker "$@"
fi

tarball="$(cd "$(dirname "$0")/../.." && pwd)/target/jib-image.tar"
case "${1:-}" in
    info)
        # Jib asks which platform to pick when several are configured: the one this machine runs.
        echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
    load)
        mkdir -p "$(dirname "$tarball")"
        cat > "$tarball"
        echo "Loaded image: $(tar -xOf "$tarball" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p') (no Docker daemon: written to $tarball)" ;;
    tag)
        # Additional tags: the tarball keeps the main one; tag it again where it is loaded.
        echo "no Docker daemon: $3 not tagged; tag it after loading $tarball" >&2 ;;
    *)
        echo "no Docker daemon, and 'docker $*' is not one of the commands this stand-in answers (info, load, tag)" >&2
        exit 1 ;;
esac
