# The experiment's report test (tests/ParallelSum.Experiment.Tests, ReportBrowserTests) opens a sweep's HTML report in
# headless Chromium and fails under CI=true without it; its screenshot stays in artifacts/experiment-report/.
apt_install chromium
command -v chromium >/dev/null || { echo "chromium could not be installed" >&2; exit 1; }
