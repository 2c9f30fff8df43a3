"""numpy's idiomatic answer: default_rng().integers(0, 11) generated and summed in chunks of 2^24, so memory stays
bounded. Prints one JSON object: {"method", "count", "sum", "seconds"}."""
import json
import sys
import time

import numpy as np


def main():
    count = int(sys.argv[1])
    rng = np.random.default_rng(42)
    started = time.perf_counter()
    total, left, chunk = 0, count, 1 << 24
    while left > 0:
        n = min(chunk, left)
        total += int(rng.integers(0, 11, size=n, dtype=np.int64).sum())
        left -= n
    print(json.dumps({"method": "numpy", "count": count, "sum": str(total), "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
