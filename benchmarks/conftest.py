"""Collects every budget check and prints them as one table at the end of `make bench`."""
RECORDS: list[tuple[str, str, str, bool]] = []


def record(what: str, budget: str, measured: str, ok: bool) -> None:
    RECORDS.append((what, budget, measured, ok))


def pytest_terminal_summary(terminalreporter):
    if not RECORDS:
        return
    tr = terminalreporter
    tr.section("budgets")
    width = max(len(r[0]) for r in RECORDS)
    tr.write_line(f"{'what':<{width}}  {'budget':>10}  {'measured':>10}  result")
    for what, budget, measured, ok in sorted(RECORDS):
        tr.write_line(f"{what:<{width}}  {budget:>10}  {measured:>10}  {'ok' if ok else 'MISSED'}")
