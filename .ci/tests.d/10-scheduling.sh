# The scheduling attacks (tests/ParallelSum.Scheduling.Tests): concurrent, nested and timer-cancelled calls, each in a fresh
# process. Their bounds are in milliseconds, relative to Parallel.For in the same process where they can be, so they run
# here, alone, after the suites that keep both cores busy; the project is not in ParallelSum.sln for that reason.
run_tests "scheduling attacks, alone" tests/ParallelSum.Scheduling.Tests -c Release
