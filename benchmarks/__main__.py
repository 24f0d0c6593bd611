"""``make bench``: run every benchmark and print the figures."""

from benchmarks import app, cli_start, decide, model, reports
from benchmarks.timing import machine, table

print(f"Machine: {machine()}\n")
print("Model core\n")
print(table(model.run()))
print("\nThe command line's start (goal: within 2× the floor)\n")
cli_measurements, cli_ratios = cli_start.run()
print(table(cli_measurements))
print("\n".join(cli_ratios))
print("\nDecide\n")
print(table(decide.run()))
print("\nReports\n")
print(table(reports.run()))
app_measurements, comparisons = app.run()
print("\nThe app in Chromium, alternating with the floor app round by round (goals below)\n")
print(table(app_measurements))
print()
print("\n".join(comparisons))
