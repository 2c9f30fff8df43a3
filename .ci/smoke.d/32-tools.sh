# The experiment and the silo host as they ship: .NET tool packages (commands psum and psum-silo), installed into a fresh
# folder from artifacts/packages only, each asked for --help and --version, then used: a run whose sums must agree, a bad
# option that must be one line and exit 2, and a one-silo cluster that must return the same sum to its client command.
tool_dir=$(mktemp -d)
silo_pid=
cleanup() { if [ -n "$silo_pid" ]; then kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; fi; rm -rf "$tool_dir"; }
trap cleanup EXIT

rm -f artifacts/packages/ParallelSum.Experiment.*.nupkg artifacts/packages/ParallelSum.Silo.*.nupkg
suffix="local.$(date -u +%Y%m%d%H%M%S)"
version="$PARALLELSUM_VERSION_PREFIX-$suffix"
started=$SECONDS
dotnet pack samples/ParallelSum.Experiment -c Release -nologo -v q -p:VersionSuffix="$suffix"
dotnet pack samples/ParallelSum.Silo -c Release -nologo -v q -p:VersionSuffix="$suffix"
echo "packed in $((SECONDS - started)) s"
for package in ParallelSum.Experiment:psum:sweep ParallelSum.Silo:psum-silo:sum; do
  IFS=: read -r id command subcommand <<<"$package"
  [ -f "artifacts/packages/$id.$version.nupkg" ] || { echo "pack did not produce $id.$version.nupkg" >&2; exit 1; }
  dotnet tool install --tool-path "$tool_dir" --add-source artifacts/packages "$id" --version "$version"
  "$tool_dir/$command" --help | grep -q "^  $subcommand " || { echo "tools: $command --help does not list $subcommand" >&2; exit 1; }
  installed=$("$tool_dir/$command" --version)
  [ "${installed%%+*}" = "$version" ] || { echo "tools: $command --version says $installed, the package is $version" >&2; exit 1; }
  # A parse error: one line on stderr, exit code 2 (docs/exit-codes.md).
  set +e
  "$tool_dir/$command" --no-such-option 2>"$tool_dir/err" >/dev/null; rc=$?
  set -e
  [ "$rc" -eq 2 ] && [ "$(wc -l <"$tool_dir/err")" -eq 1 ] || { echo "tools: $command --no-such-option exited $rc with $(wc -l <"$tool_dir/err") lines on stderr, not 2 and 1" >&2; exit 1; }
  echo "$command $installed: installed, --help, --version and a bad option ok"
done

# The installed experiment runs its strategies in child processes and a pool of workers: every sum the same.
cd "$tool_dir"
sums=$("$tool_dir/psum" run --count 1e6 --json | python3 -c 'import json, sys; print(" ".join(sorted({r["sum"] for r in json.load(sys.stdin)})))')
cd - >/dev/null
[ "$(wc -w <<<"$sums")" -eq 1 ] || { echo "tools: psum run gave different sums: $sums" >&2; exit 1; }

# A one-silo cluster from the installed silo host on ports of its own, and a sum from its client command.
"$tool_dir/psum-silo" --silo-port 11411 --gateway-port 30411 >"$tool_dir/silo.log" 2>&1 &
silo_pid=$!
distributed=$("$tool_dir/psum-silo" sum --count 1000000 --gateway-port 30411 --connect-timeout 60 --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["sum"])')
[ "$distributed" = "$sums" ] || { echo "tools: psum-silo sum gave $distributed, psum run $sums" >&2; cat "$tool_dir/silo.log" >&2; exit 1; }
echo "psum run and psum-silo sum agree: $sums"
