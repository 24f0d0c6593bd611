"""Speed benchmarks: ``make bench`` prints their figures as a table (never a timed test)."""
