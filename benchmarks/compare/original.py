"""The original experiment's approach, as it was: a list of random.randint(0, 10) values, summed; once in one
process and once with multiprocessing.Pool(4), each worker taking a quarter. Unlike the original, the pool keeps the
N % 4 remainder. Prints one JSON object: {"method", "count", "sum", "seconds"}."""
import json
import random
import sys
import time
from multiprocessing import Pool


def generate_and_sum(n):
    values = [random.randint(0, 10) for _ in range(n)]
    return sum(values)


def main():
    method, count = sys.argv[1], int(sys.argv[2])
    started = time.perf_counter()
    if method == "python-list":
        total = generate_and_sum(count)
    elif method == "python-pool4":
        shares = [count // 4 + (1 if i < count % 4 else 0) for i in range(4)]
        with Pool(4) as pool:
            total = sum(pool.map(generate_and_sum, shares))
    else:
        raise SystemExit(f"unknown method {method}; expected python-list or python-pool4")
    print(json.dumps({"method": method, "count": count, "sum": str(total), "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
