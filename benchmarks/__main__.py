"""``make bench``: run every benchmark and print the figures."""

from benchmarks import app, decide, model, reports
from benchmarks.timing import machine, table

print(f"Machine: {machine()}\n")
print("Model core\n")
print(table(model.run()))
print("\nDecide\n")
print(table(decide.run()))
print("\nReports\n")
print(table(reports.run()))
app_measurements, comparisons = app.run()
print("\nThe app in Chromium (budgets: edits p95 500 ms, ratios below)\n")
print(table(app_measurements))
print()
print("\n".join(comparisons))
