"""Writes docs/benchmarks.json, docs/benchmarks.md and the README's table of latest figures from one run of
scripts/bench.sh (its work folder)."""
import json
import os
import re
import sys
from pathlib import Path

(work, today, load_seconds, duration, form_first, form_repeat, dash_first, dash_repeat, peak_rss_kb,
 cores, memory_gib, postgres, dotnet, wrk_version, cpu) = sys.argv[1:16]
work = Path(work)


def wrk(name):
    text = (work / f"{name}.wrk").read_text()

    def ms(p):
        m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)

    return {"p50_ms": ms(50), "p99_ms": ms(99),
            "requests_per_second": float(re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M).group(1))}


sql = json.loads((work / "sql.json").read_text())
dashboard, overview, small = wrk("dashboard"), wrk("overview"), wrk("dashboard_small")
baseline = wrk("baseline")
history_20, history_5000 = wrk("history_20"), wrk("history_5000")
digests, during_digests = json.loads((work / "digests.json").read_text()), wrk("dashboard_during_digests")
calendars, during_calendars = json.loads((work / "calendars.json").read_text()), wrk("dashboard_during_calendars")
calendar_memory = json.loads((work / "calendars-memory.json").read_text())
naive, submit, reference = wrk("naive"), wrk("submit"), wrk("reference")
submit_commitment = wrk("submit_commitment")
kb = lambda b: round(int(b) / 1024, 1)


def cpu_per_request(name):
    process_ms, postgres_ms = (float(x) for x in (work / f"{name}.cpu").read_text().split())
    return {"process_ms": process_ms, "postgres_ms": postgres_ms}


def statements(name, requests):
    """What a run sent to PostgreSQL (pg_stat_statements over the measured run): calls per request, mean ms, text."""
    rows = []
    for line in (work / f"{name}.statements").read_text().splitlines():
        calls, mean_ms, text = line.split("\t", 2)
        if "pg_stat_statements" not in text:
            rows.append({"per_request": round(int(calls) / requests, 2), "mean_ms": float(mean_ms), "sql": text})
    return rows


def requests_in(name):
    return int(re.search(r"^\s*(\d+) requests in", (work / f"{name}.wrk").read_text(), re.M).group(1))


steps = {name: {**wrk(name), "cpu_per_request": cpu_per_request(name)} for name in ("step_anonymous", "step_session", "step_form")}
submit["cpu_per_request"], reference["cpu_per_request"] = cpu_per_request("submit"), cpu_per_request("reference")
submit["statements"] = statements("submit", requests_in("submit"))
reference["statements"] = statements("reference", requests_in("reference"))
pulse, pulse_reference = wrk("pulse"), wrk("pulse_reference")
for name, f in (("pulse", pulse), ("pulse_reference", pulse_reference)):
    f["cpu_per_request"], f["statements"] = cpu_per_request(name), statements(name, requests_in(name))
dash_side, over_side = sql["dashboard_beside_page"], sql["overview_beside_page"]
ef_side = sql["overview_through_ef_beside_statements"]
growth = sql["dashboards_side_by_side"]

figures = {
    "date": today,
    "machine": {"cpu": cpu, "cores": int(cores), "memory_gib": int(memory_gib), "postgresql": postgres,
                "dotnet_sdk": dotnet, "load_generator": wrk_version},
    "dataset": {"advisors": 500, "teams": 25, "relationships": 25000, "assessments": 1000000,
                "small_variant_assessments": 100000, "load_seconds": int(load_seconds)},
    "submit_ratio": round(submit["requests_per_second"] / reference["requests_per_second"], 2),
    "submit_commitment_ratio": round(submit_commitment["requests_per_second"] / submit["requests_per_second"], 2),
    "submit_commitment": submit_commitment,
    "submit": submit,
    "submit_reference": reference,
    "submit_steps": steps,
    "pulse_ratio": round(pulse["requests_per_second"] / reference["requests_per_second"], 2),
    "pulse_update_ratio": round(pulse["requests_per_second"] / pulse_reference["requests_per_second"], 2),
    "pulse": pulse,
    "pulse_reference": pulse_reference,
    "dashboard_p50_ms": dashboard["p50_ms"],
    "dashboard_p99_ms": dashboard["p99_ms"],
    "dashboard_sql_p50_ms": sql["dashboard"]["p50_ms"],
    "dashboard_sql_one_after_another_p50_ms": sql["dashboard_one_after_another"]["p50_ms"],
    "dashboard_sql_ratio": dash_side["ratio"],
    "dashboard_side_by_side": dash_side,
    "dashboard_sql_statement_p50_ms": sql["dashboard_one_after_another"]["statement_p50_ms"],
    "overview_p50_ms": overview["p50_ms"],
    "overview_p99_ms": overview["p99_ms"],
    "overview_sql_p50_ms": sql["overview"]["p50_ms"],
    "overview_sql_ratio": over_side["ratio"],
    "overview_side_by_side": over_side,
    "overview_sql_uncached_p50_ms": sql["overview_uncached"]["p50_ms"],
    "overview_query_code_through_ef_p50_ms": sql["overview_through_ef_p50_ms"],
    "overview_ef_beside_statements": sql["overview_through_ef_beside_statements"],
    "dashboard_query_code_through_ef_p50_ms": sql["dashboard_through_ef_p50_ms"],
    "signed_in_page_floor_p50_ms": baseline["p50_ms"],
    "relationship_20_p50_ms": history_20["p50_ms"],
    "relationship_5000_p50_ms": history_5000["p50_ms"],
    "relationship_long_history_ratio": round(history_5000["p50_ms"] / history_20["p50_ms"], 2),
    "dashboard_100k_p50_ms": small["p50_ms"],
    "digest_run": digests,
    "digest_run_s": round(digests["median_ms"] / 1000, 1),
    "dashboard_during_digests_p50_ms": during_digests["p50_ms"],
    "dashboard_during_digests_ratio": round(during_digests["p50_ms"] / dashboard["p50_ms"], 2),
    "calendar_cycle": calendars,
    "calendar_cycle_s": calendars["cycle_s"],
    "calendar_read_every_s": 15 * 60,
    "dashboard_during_calendars_p50_ms": during_calendars["p50_ms"],
    "dashboard_during_calendars_ratio": round(during_calendars["p50_ms"] / dashboard["p50_ms"], 2),
    "calendar_peak_rss_before_mb": round(calendar_memory["hwm_before_kb"] / 1024, 1),
    "calendar_peak_rss_after_mb": round(calendar_memory["hwm_after_kb"] / 1024, 1),
    "calendar_peak_rss_growth_mb": round((calendar_memory["hwm_after_kb"] - calendar_memory["hwm_before_kb"]) / 1024, 1),
    "growth_ratio": growth["ratio"],
    "growth_side_by_side": growth,
    "growth_ratio_of_wrk_runs": round(dashboard["p50_ms"] / small["p50_ms"], 2),
    "naive_p50_ms": naive["p50_ms"],
    "naive_ratio": round(naive["p50_ms"] / dashboard["p50_ms"], 2),
    "peak_rss_mb": round(int(peak_rss_kb) / 1024, 1),
    "form_first_visit_kb": kb(form_first),
    "form_repeat_visit_kb": kb(form_repeat),
    "dashboard_first_visit_kb": kb(dash_first),
    "dashboard_repeat_visit_kb": kb(dash_repeat),
    "wrk_seconds_per_run": int(duration),
    "wrk_warm_up_seconds_per_throughput_run": int(os.environ["WARM_UP"]),
}
targets = [
    ("1. Scoring: TrustAdvisor / raw INSERT throughput", figures["submit_ratio"], "≥ 0.5", figures["submit_ratio"] >= 0.5),
    ("1. Answering a pulse: TrustAdvisor / raw INSERT throughput", figures["pulse_ratio"], "≥ 0.5", figures["pulse_ratio"] >= 0.5),
    ("1. Answering a pulse: TrustAdvisor / raw UPDATE of the pulse", figures["pulse_update_ratio"], "(reported)", None),
    ("2. Dashboard p50 (ms)", figures["dashboard_p50_ms"], "≤ 150", figures["dashboard_p50_ms"] <= 150),
    ("2. Dashboard page / its SQL", figures["dashboard_sql_ratio"], "≤ 1.5", figures["dashboard_sql_ratio"] <= 1.5),
    ("2. Overview p50 (ms)", figures["overview_p50_ms"], "≤ 150", figures["overview_p50_ms"] <= 150),
    ("2. Overview page / its SQL", figures["overview_sql_ratio"], "≤ 1.5", figures["overview_sql_ratio"] <= 1.5),
    ("3. Growth: dashboard at 1M / at 100k", figures["growth_ratio"], "≤ 2", figures["growth_ratio"] <= 2),
    ("3. Relationship page, 5,000 assessments / 20", figures["relationship_long_history_ratio"], "≤ 1.25 (about the same)",
     figures["relationship_long_history_ratio"] <= 1.25),
    ("3. Weekly digests: every manager's, one run (s)", figures["digest_run_s"], "≤ 30", figures["digest_run_s"] <= 30),
    ("3. Dashboard p50 while the digests run / alone", figures["dashboard_during_digests_ratio"], "≤ 1.2",
     figures["dashboard_during_digests_ratio"] <= 1.2),
    ("3. Calendars: 500 × 2,000 events, one cycle (s)", figures["calendar_cycle_s"], "≤ 900 (the default interval)",
     figures["calendar_cycle_s"] <= 900 and calendars["read"] == calendars["calendars"] and calendars["failed"] == 0),
    ("3. Dashboard p50 while the calendars are read / alone", figures["dashboard_during_calendars_ratio"], "≤ 1.2",
     figures["dashboard_during_calendars_ratio"] <= 1.2),
    ("3. App's peak RSS growth over the calendar cycle (MB)", figures["calendar_peak_rss_growth_mb"], "≤ 50 (bounded: a calendar at a time)",
     figures["calendar_peak_rss_growth_mb"] <= 50),
    ("4. Naive in-memory peer / dashboard", figures["naive_ratio"], "(reported)", None),
    ("5. Peak RSS of the app (MB)", figures["peak_rss_mb"], "≤ 300", figures["peak_rss_mb"] <= 300),
    ("6. Scoring form, first visit (KB)", figures["form_first_visit_kb"], "≤ 150", figures["form_first_visit_kb"] <= 150),
]
figures["targets_met"] = all(ok for *_, ok in targets if ok is not None)
targets_table = "| figure | measured | target | met |\n|---|---:|---|---|\n" + "\n".join(
    f"| {n} | {v} | {t} | {'–' if ok is None else 'yes' if ok else '**no**'} |" for n, v, t, ok in targets)
Path("docs/benchmarks.json").write_text(json.dumps(figures, indent=2) + "\n")

dashboard_gap = "" if figures["dashboard_sql_ratio"] <= 1.5 else (
    f"- **Dashboard, {figures['dashboard_sql_ratio']} times its SQL (target 1.5).** Side by side the page took {dash_side['page_p50_ms']} ms "
    f"and its statements {dash_side['sql_p50_ms']} ms; its query code through EF Core {sql['dashboard_through_ef_p50_ms']} ms against "
    f"{sql['dashboard']['p50_ms']} ms for the statements alone. Not explained by this run: look at it.\n")
statement_rows = lambda f: "\n".join(
    f"| {st['per_request']} | {st['mean_ms']} | `{st['sql'][:90]}…` |" for st in f["statements"])
profile = "the CPU profiles in `docs/benchmarks-profile.md`"
missed = []
if figures["submit_ratio"] < 0.5:
    missed.append(
        f"- **Scoring, {figures['submit_ratio']} of the raw INSERT's throughput (target 0.5): explained, not fixed.** On two cores "
        "shared by wrk, the app and PostgreSQL, throughput follows CPU time per request, and section 1 counts it: the "
        f"reference spends {reference['cpu_per_request']['process_ms']} + {reference['cpu_per_request']['postgres_ms']} ms (process + PostgreSQL) per post, the form post "
        f"{submit['cpu_per_request']['process_ms']} + {submit['cpu_per_request']['postgres_ms']} ms. The steps show where: the session cookie alone (decrypting it, "
        f"the session check) costs {steps['step_session']['cpu_per_request']['process_ms']} + {steps['step_session']['cpu_per_request']['postgres_ms']} ms, about what the reference's "
        f"whole request does; reading the relationship and rendering the form {steps['step_form']['cpu_per_request']['process_ms']} + "
        f"{steps['step_form']['cpu_per_request']['postgres_ms']} ms. In PostgreSQL the post is {round(sum(st['per_request'] for st in submit['statements']))} statements where the "
        f"reference is {round(sum(st['per_request'] for st in reference['statements']))}; their execution inside PostgreSQL adds up to "
        f"{round(sum(st['per_request'] * st['mean_ms'] for st in submit['statements']), 3)} ms against {round(sum(st['per_request'] * st['mean_ms'] for st in reference['statements']), 3)} ms (the statement "
        "tables), so most of PostgreSQL's extra CPU is the work around each statement (receiving, binding and answering "
        "it), not slow SQL. In the app, " + profile + " spread the post's time over sockets and "
        "Kestrel, cookie authentication and the session check, anti-forgery, the page pipeline, EF Core and TempData; "
        f"none is large enough that removing it would come near the {round(0.5 / figures['submit_ratio'], 1)} times needed. Found and fixed on the way, each "
        "measured: Identity's per-request validator reloaded the person and re-encrypted the cookie (ADR 7: 729 → "
        "~1,100 posts/s); pooled connections were reset and statements re-parsed (ADR 8: → ~1,600, of which planning "
        "each execution for its own values gives back some); EF Core built its services for every context (ADR 9: "
        "session-only requests twice as fast, posts +15–40%); the relationship's header query was matched to EF "
        "Core's query cache on every call (compiled now: posts +10–20%); every statement was planned anew on each "
        "execution, for the dashboard's sake (now only the dashboard's are, ADR 8: posts ×1.5 in an A/B, PostgreSQL's CPU "
        "per post about halved; the reference's INSERT gained as much, so the ratio stayed). What is left is the price of checking the session and "
        "who may see the relationship on every post, which we keep (ADR 8 says why): caching them for a few seconds is "
        "the lever left, and a security trade-off we decline.")
if figures["pulse_ratio"] < 0.5:
    missed.append(
        f"- **Answering a pulse, {figures['pulse_ratio']} of the raw INSERT's throughput (target 0.5): explained as scoring's is, "
        f"not fixed.** The client's post costs {pulse['cpu_per_request']['process_ms']} + {pulse['cpu_per_request']['postgres_ms']} ms "
        f"(process + PostgreSQL) against the raw UPDATE's {pulse_reference['cpu_per_request']['process_ms']} + "
        f"{pulse_reference['cpu_per_request']['postgres_ms']} ms. It has no session to check, yet costs about what the scoring post does "
        f"({submit['cpu_per_request']['process_ms']} + {submit['cpu_per_request']['postgres_ms']} ms); what is left is the price of a "
        f"whole page request (the rate limiter, anti-forgery, model binding and validation, the page pipeline) and of two "
        f"statements through EF Core where the reference sends one, reading the link by its id first ({round(sum(st['per_request'] for st in pulse['statements']))} "
        "statements a post in all, section 1b). Nothing in it is slow SQL: the link is read by primary key and the "
        "answer is one UPDATE.")
if figures["overview_sql_ratio"] > 1.5:
    missed.append(
        f"- **Overview, {figures['overview_sql_ratio']} times its SQL (target 1.5): explained, not fixed.** Its SQL is small "
        f"({over_side['sql_p50_ms']} ms side by side, once the team's median is cached) and a page's fixed costs are not: any "
        f"signed-in page costs {baseline['p50_ms']} ms (`/Account/Password`), EF Core turning the rows into objects "
        f"and the attention rules {ef_side['added_ms']} ms (its query code through EF Core, {ef_side['query_code_p50_ms']} ms, against its statements, {ef_side['sql_p50_ms']} ms, "
        "timed in alternating blocks), "
        "and the HTML for 50 rows the rest; " + profile + " show that time spread over "
        "Razor, EF Core, authentication and sockets with no single hot spot. Against the statements of the request "
        f"that computes the team's median ({sql['overview_uncached']['p50_ms']} ms) the page is inside the target. The ratio "
        "suits pages whose SQL dominates, like the dashboard; for a page of a few milliseconds it measures the "
        "framework's floor.")
if dashboard_gap:
    missed.append(dashboard_gap.rstrip())
if figures["growth_ratio"] > 2:
    missed.append(
        f"- **Growth, {figures['growth_ratio']} (target 2): not explained by this run.** Side by side the dashboard took "
        f"{growth['small_p50_ms']} ms at 100,000 assessments and {growth['big_p50_ms']} ms at 1,000,000. Its statements read the "
        "period's rows by index (`docs/benchmarks-explain/`), so their cost grows with the rows in the period, ten times "
        "as many here; look at which statement's share grew.")
if figures["naive_ratio"] < 1:
    missed.append(
        f"- **The naive peer is faster at p50** ({naive['p50_ms']} ms against {dashboard['p50_ms']} ms; no target): at 40,000 "
        "assessments per team, reading them all is cheap, and the SQL design spends its time in window functions and "
        f"index probes. The naive peer's p99 is {naive['p99_ms']} ms (garbage collection of ~40,000 entities per "
        "request), and its cost grows with the team's whole history, where the dashboard's grows with the period's rows "
        f"({figures['growth_ratio']}× for 10× the data).")
missed = "\n".join(missed) if missed else "None: every target is met."
row = lambda name, f: f"| {name} | {f['requests_per_second']} | {f['p50_ms']} | {f['p99_ms']} |"
micro = (work / "micro.md").read_text()
md = f"""# Benchmarks

Written by `scripts/bench.sh` on {today}; every figure is also in `docs/benchmarks.json`. How to read them and what
each compares: the end of this page.

Machine: {cpu}, {cores} cores, {memory_gib} GiB; PostgreSQL {postgres}; .NET SDK {dotnet}; {wrk_version}.
Dataset: 500 advisors in 25 teams, 25,000 relationships, 1,000,000 assessments over five years and the clients'
answers to about one pulse a quarter in Establish and Maintain, two promises at a quarter of the meetings and a
recovery plan for some of the relationships that just fell (loaded in {load_seconds} s by binary COPY), and a
100,000-assessment variant. Each wrk run lasts {duration} s, after a warm-up of
{figures['wrk_warm_up_seconds_per_throughput_run']} s for the 16-connection runs (the app's JIT takes that long to settle) and of 5 s for the one-connection ones.

## Targets

{targets_table}

## 1. Scoring an assessment (16 connections, signed in)

| endpoint | requests/s | p50 ms | p99 ms |
|---|---:|---:|---:|
{row("TrustAdvisor: form post (session check, anti-forgery, validation, access check, insert, redirect)", submit)}
{row("TrustAdvisor: the same post with one commitment noted", submit_commitment)}
{row("Reference: one raw Npgsql INSERT of the same row", reference)}

Where the time goes: CPU time per request of the serving process and of PostgreSQL's backends (from `/proc`, over
the same runs), and the same for lighter requests to the app, each a step towards the form post:

| request (16 connections) | requests/s | app CPU ms per request | PostgreSQL CPU ms per request |
|---|---:|---:|---:|
| reference: form read, one INSERT | {reference['requests_per_second']} | {reference['cpu_per_request']['process_ms']} | {reference['cpu_per_request']['postgres_ms']} |
| `/health/live`, no cookie (the pipeline alone) | {steps['step_anonymous']['requests_per_second']} | {steps['step_anonymous']['cpu_per_request']['process_ms']} | {steps['step_anonymous']['cpu_per_request']['postgres_ms']} |
| `/health/live` with the session cookie (+ cookie decryption, session check) | {steps['step_session']['requests_per_second']} | {steps['step_session']['cpu_per_request']['process_ms']} | {steps['step_session']['cpu_per_request']['postgres_ms']} |
| GET the scoring form (+ relationship read, anti-forgery token, Razor page) | {steps['step_form']['requests_per_second']} | {steps['step_form']['cpu_per_request']['process_ms']} | {steps['step_form']['cpu_per_request']['postgres_ms']} |
| POST the scoring form (+ anti-forgery check, validation, insert, TempData, redirect) | {submit['requests_per_second']} | {submit['cpu_per_request']['process_ms']} | {submit['cpu_per_request']['postgres_ms']} |

What each post sent to PostgreSQL (`pg_stat_statements` over the measured run: statements per request, and each
one's mean execution time inside PostgreSQL):

| per post | mean ms | statement |
|---:|---:|---|
{statement_rows(submit)}

and the reference's:

| per post | mean ms | statement |
|---:|---:|---|
{statement_rows(reference)}

## 1b. A client answering a pulse (16 connections, no account)

Each request answers a link of its own (a link answers once), on a firm of 300,000 relationships each with an open
link; the reference answers links of the same firm. The app's instance on that firm has served nothing before, so
its warm-up is three times as long ({3 * figures['wrk_warm_up_seconds_per_throughput_run']} s).

| endpoint | requests/s | p50 ms | p99 ms | app CPU ms per request | PostgreSQL CPU ms per request |
|---|---:|---:|---:|---:|---:|
| TrustAdvisor: the client's form post (rate limit, anti-forgery, link check, validation, update, redirect) | {pulse['requests_per_second']} | {pulse['p50_ms']} | {pulse['p99_ms']} | {pulse['cpu_per_request']['process_ms']} | {pulse['cpu_per_request']['postgres_ms']} |
| Reference: one raw Npgsql UPDATE of the pulse | {pulse_reference['requests_per_second']} | {pulse_reference['p50_ms']} | {pulse_reference['p99_ms']} | {pulse_reference['cpu_per_request']['process_ms']} | {pulse_reference['cpu_per_request']['postgres_ms']} |

Against section 1's raw INSERT ({reference['requests_per_second']} requests/s), the target's reference: {figures['pulse_ratio']}; against
the raw UPDATE of the same row: {figures['pulse_update_ratio']}. What each answer sent to PostgreSQL:

| per answer | mean ms | statement |
|---:|---:|---|
{statement_rows(pulse)}

## 2. Pages at 1,000,000 assessments

Server time per request with one connection (wrk), and each page **side by side with its SQL**: ten rounds, each a
block of requests of the page (one keep-alive connection) and then a block of runs of the statements that page
sends (captured from its own query code through EF Core), straight through Npgsql and run as the page runs them (the
dashboard's seven parts side by side, each on a connection of its own, after the session check: ADR 10);
{dash_side['iterations']} of each for the dashboard, {over_side['iterations']} for the overview. Both are timed at the same moments of a shared
machine, each in a steady run of its own. The ratio is of those two p50s.

| page | p50 ms (wrk) | p99 ms (wrk) | side by side: page p50 ms | its SQL p50 ms | page / SQL |
|---|---:|---:|---:|---:|---:|
| Team dashboard (20 advisors, last year) | {dashboard['p50_ms']} | {dashboard['p99_ms']} | {dash_side['page_p50_ms']} | {dash_side['sql_p50_ms']} | {figures['dashboard_sql_ratio']} |
| Advisor's overview (50 relationships) | {overview['p50_ms']} | {overview['p99_ms']} | {over_side['page_p50_ms']} | {over_side['sql_p50_ms']} | {figures['overview_sql_ratio']} |

The statements alone, 50 rounds with nothing between: dashboard {sql['dashboard']['p50_ms']} ms (side by side; one after another
{sql['dashboard_one_after_another']['p50_ms']} ms), overview {sql['overview']['p50_ms']} ms; the pages' query code through EF Core (a console,
pooled contexts as in the app): dashboard
{sql['dashboard_through_ef_p50_ms']} ms, overview {sql['overview_through_ef_p50_ms']} ms. A trivial signed-in page (`/Account/Password`: pipeline,
session check, layout) takes {baseline['p50_ms']} ms. The overview keeps the team's median T for five minutes; on the
request that computes it, its SQL takes {sql['overview_uncached']['p50_ms']} ms.

A relationship's page, which opens with the newest 20 assessments of its history (older pages by keyset) and a chart
of the newest 100: with 20 assessments p50 {history_20['p50_ms']} ms (p99 {history_20['p99_ms']} ms), with 5,000
p50 {history_5000['p50_ms']} ms (p99 {history_5000['p99_ms']} ms): {figures['relationship_long_history_ratio']} times.

The weekly digest run (the app's `ScheduledMailRun` with `DigestMail`, from the bench's SQL console, for all {digests['digests']} managers on the
1,000,000-assessment database): {digests['runs']} runs, the first {digests['first_ms']} ms, the median {digests['median_ms']} ms. The
dashboard while it ran: p50 {during_digests['p50_ms']} ms, against {dashboard['p50_ms']} ms alone ({figures['dashboard_during_digests_ratio']} times;
the run is a second process on the same two cores, as a second instance would be).

One cycle of calendar reading: {calendars['calendars']} advisors' calendars of {calendars['events_each']} events each (a year of
meetings, a third with one of the advisor's contacts), served on loopback by the bench's console and read by the app
itself (its `ReadCalendarsJob`, one calendar after another: fetch, parse with Ical.Net, match, keep): the first read
{calendars['first_read_after_s']} s after they were connected (the job looks every minute), all {calendars['read']} read
{calendars['cycle_s']} s after that ({calendars['failed']} failed), {calendars['client_meetings_found']} client meetings found
in the two days back and two weeks ahead. The dashboard meanwhile: p50 {during_calendars['p50_ms']} ms, against
{dashboard['p50_ms']} ms alone ({figures['dashboard_during_calendars_ratio']} times). The app's peak RSS was
{figures['calendar_peak_rss_before_mb']} MB before the cycle and {figures['calendar_peak_rss_after_mb']} MB after it (each
calendar is read and dropped in turn, at most `Calendar:MaxMegabytes` of it at once).

One after another, the dashboard's statements took {", ".join(f"{v} ms" for v in sql['dashboard_one_after_another']['statement_p50_ms'])} at p50
(the session check, then team trend, per advisor, slipping, not assessed lately, moments, the clients' trend, calibration). Their plans, from
`EXPLAIN (ANALYZE, BUFFERS)`, are in `docs/benchmarks-explain/`.

## 3. Growth

The same dashboard (one team, last year) served by two instances of the app, one on each dataset, timed side by
side: ten rounds, each a block of requests to the small one and then a block to the big one (one keep-alive
connection each), {growth['iterations']} of each; and each timed alone with wrk earlier in the run.

| dataset | side by side: p50 ms | wrk alone: p50 ms |
|---|---:|---:|
| 100,000 assessments | {growth['small_p50_ms']} | {small['p50_ms']} |
| 1,000,000 assessments | {growth['big_p50_ms']} | {dashboard['p50_ms']} |

Ten times the data costs {figures['growth_ratio']} times the time (side by side; {figures['growth_ratio_of_wrk_runs']} from the two wrk runs, which are
minutes apart). The dashboard's statements read only the period's rows, by index, so what grows is the work per
row in the period (ten times as many here); the rest (the team's relationships, each one's state at the start of
the period, the page itself) does not grow.

## 4. The naive peer

The same dashboard computed by loading the team's current assessments into memory with the app's own DbContext and
aggregating in C# (bench/TrustAdvisor.Bench.Reference): p50 {naive['p50_ms']} ms, {figures['naive_ratio']} times the
SQL design's time at this size. Its cost grows with the whole history of the team, the SQL design's mostly with
the period's rows.

## 5. Memory

Peak resident set of the app process over all the runs above (VmHWM): {figures['peak_rss_mb']} MB.

## 6. Page weight (bytes transferred, compressed where the server compresses)

| page | first visit KB | repeat visit KB |
|---|---:|---:|
| Scoring form | {figures['form_first_visit_kb']} | {figures['form_repeat_visit_kb']} |
| Team dashboard (with Chart.js) | {figures['dashboard_first_visit_kb']} | {figures['dashboard_repeat_visit_kb']} |

A repeat visit fetches the HTML again; static assets have fingerprinted URLs and are cached for a year.

## Targets missed, and why

{missed}

## Micro-benchmarks (BenchmarkDotNet, one relationship's 1,000-assessment history)

{micro.strip()}

## How this is measured

- `scripts/bench.sh` starts a throwaway PostgreSQL 15 cluster with durable settings (fsync on), loads both
  datasets with `tools/TrustAdvisor.Dataset`, builds everything in Release and runs the app (Production settings)
  on loopback, signed in as `manager1` and `advisor1` of the dataset. wrk is a separate process.
- The app's scheduled mail run is off in the measured instances (`Mail__ReminderCheckMinutes=0`): started fresh
  past 08:00, an instance would decide a reminder for every advisor of the dataset at once while being measured (a
  once-a-day burst, not the steady state the pages are measured in). The mail's own cost is measured on its own:
  the weekly digest run, and the dashboard while it runs.
- Page latency is measured with one connection, so p50 and p99 are the server's time per request on loopback.
  "Its SQL" is the statements the page's own query code sends, the session check included (captured once through
  EF Core, then executed directly with Npgsql as the page runs them, reading every row); the page / SQL ratio times the two
  in alternating blocks (bench/TrustAdvisor.Bench.Sql, `--dashboard-url`), because two runs minutes apart on a
  shared machine differed by more than the overhead being measured. The growth ratio is timed the same way, the two
  apps' dashboards alternating (`--small-dashboard-url`).
- Scoring posts the real form with a valid anti-forgery token and a new assessment id per request (bench/wrk/score.lua);
  the reference endpoint is a bench-only app of the same kind (ASP.NET Core, Npgsql) that reads the form and does
  one INSERT. Both write to the same table of the 1,000,000-assessment database; the script counts the rows stored.
  CPU time per request is the serving process's and PostgreSQL's backends' user + system time (`/proc/<pid>/stat`)
  over a run, divided by the requests wrk counted; PostgreSQL's statements per request come from
  `pg_stat_statements`, reset before each measured run. The app, the reference and the SQL timings all connect with the
  app's Npgsql settings (prepared statements kept, ADR 8).
- Answering a pulse posts the client's real form to a link of its own per request (bench/wrk/pulse.lua), with the
  anti-forgery cookie and token a visitor gets from the page, on a firm of 300,000 relationships loaded with an open
  link each (`--open-links`); the warm-up's links are not used again. The reference, a second instance of the
  bench-only app on that database, reads the same form and does one UPDATE of the pulse. The client pages' rate
  limit is raised for the run, as every request comes from loopback.
- A relationship's page is timed like the other pages (one connection), as advisor1 on two relationships added to
  the big dataset for the run: one scored 20 times and one scored 5,000 times (a meeting a day). The page reads the
  newest 101 assessments for its chart and figures and shows 20 of them; older pages are a keyset away.
- Shared, noisy machines: compare the ratios, which are measured in the same run, more than the absolute times.
"""
Path("docs/benchmarks.md").write_text(md)

# The README's figures, between its bench markers: the same targets table, and the machine it ran on.
readme_table = f"""Latest run ({today}, {cpu}, {cores} cores, {memory_gib} GiB, PostgreSQL {postgres.split()[0]}, .NET {dotnet}; scoring
{submit['requests_per_second']:,.0f} posts/s against the raw INSERT's {reference['requests_per_second']:,.0f}):

{targets_table}"""
readme = Path("README.md").read_text()
begin, finish = "<!-- bench:start (written by scripts/bench.sh) -->\n", "\n<!-- bench:end -->"
head, rest = readme.split(begin, 1)
Path("README.md").write_text(head + begin + readme_table + finish + rest.split(finish, 1)[1])
print(json.dumps({k: figures[k] for k in ["submit_ratio", "dashboard_p50_ms", "dashboard_sql_ratio", "growth_ratio",
                                         "naive_ratio", "peak_rss_mb", "form_first_visit_kb", "targets_met"]}))
