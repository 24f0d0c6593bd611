"""``make bench``: run every benchmark and print the figures."""

from benchmarks import app, cli_start, decide, model, reports
from benchmarks.timing import machine, table

print(f"Machine: {machine()}\n")
print("Model core\n")
print(table(model.run()))
print("\nScale and the timeline by the number of offers (goal: linear)\n")
size_measurements, size_lines = model.sizes()
print(table(size_measurements))
print("\n".join(size_lines))
print("\nThe command line's start (goals: validate within 2× the floor, evaluate 1.5×)\n")
cli_measurements, cli_ratios = cli_start.run()
print(table(cli_measurements))
print("\n".join(cli_ratios))
print("\nDecide\n")
print(table(decide.run()))
print("\nThe simulation against its numpy floor (benchmarks/decide.py)\n")
floor_measurements, floor_lines = decide.against_floor()
print(table(floor_measurements))
print("\n".join(floor_lines))
print("\nReports\n")
print(table(reports.run()))
app_measurements, comparisons = app.run()
print("\nThe app in Chromium, alternating with the floor app round by round (goals below)\n")
print(table(app_measurements))
print()
print("\n".join(comparisons))
