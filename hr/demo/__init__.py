"""A fictional French company for demos and benchmarks."""
