"""Speed and memory at school scale. Run with `make bench` (python -m benchmarks)."""
