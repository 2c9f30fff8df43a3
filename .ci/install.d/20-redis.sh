# The Orleans process tests start their own redis-server on free loopback ports; no system-wide server is started.
apt_install redis-server
command -v redis-server >/dev/null || { echo "redis-server could not be installed" >&2; exit 1; }
