# The native reference kernel (benchmarks/native) is built by the tests with make + gcc.
apt_install gcc make
