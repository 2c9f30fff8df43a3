# The kernel, strategy and exact-sum (Numerics) tests again with wider instruction sets turned off, so each narrower kernel is the one that runs:
# AVX-512 off -> 256-bit kernels; AVX2 off as well -> 128-bit; every hardware intrinsic off -> scalar.
# Each run states the width it must use in PARALLELSUM_EXPECTED_KERNEL_WIDTH; the test
# VectorKernelTests.StreamKernels_RunAtTheWidthThisRunExpects fails on any other width. A detailed run of that one test
# first prints the width the runtime chose. The README command above built the tests in Release, so nothing builds again.
# AVX-512 is turned off under both knob names: DOTNET_EnableAVX512 (.NET 10) and DOTNET_EnableAVX512F (.NET 8).
run_instruction_set_tests() { # run_instruction_set_tests WIDTH VAR=VALUE...
  local width=$1; shift
  export PARALLELSUM_EXPECTED_KERNEL_WIDTH="$width" "$@"
  echo "== kernel width with $*: $(dotnet test tests/ParallelSum.Tests -c Release --no-build \
    --filter 'FullyQualifiedName~StreamKernels_RunAtTheWidthThisRunExpects' --logger 'console;verbosity=detailed' 2>&1 \
    | sed -n 's/^ *kernel width: //p' | tail -1)"
  run_tests "$width-bit kernels ($*)" tests/ParallelSum.Tests -c Release --no-build \
    --filter 'FullyQualifiedName~ParallelSum.Tests.Kernels|FullyQualifiedName~ParallelSum.Tests.Strategies|FullyQualifiedName~ParallelSum.Tests.Numerics'
  unset PARALLELSUM_EXPECTED_KERNEL_WIDTH "${@%%=*}"
}
run_instruction_set_tests 256 DOTNET_EnableAVX512=0 DOTNET_EnableAVX512F=0
run_instruction_set_tests 128 DOTNET_EnableAVX512=0 DOTNET_EnableAVX512F=0 DOTNET_EnableAVX2=0
run_instruction_set_tests 64 DOTNET_EnableHWIntrinsic=0
