"""``make bench``: run every benchmark and print one table."""

from benchmarks import model
from benchmarks.timing import machine, table

print(f"Machine: {machine()}\n")
print(table(model.run()))
