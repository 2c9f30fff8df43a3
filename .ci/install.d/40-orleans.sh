# The Orleans namespace fault tests (tests/ParallelSum.Orleans.Tests, NamespaceFaultTests) build their own network
# namespaces, veth pairs and a bridge with ip (iproute2, as root) and run redis-server inside one of them.
apt_install iproute2 redis-server
command -v ip >/dev/null || { echo "ip (iproute2) could not be installed" >&2; exit 1; }
