using System.Globalization;
using System.Text;

namespace SoraPromptGenie.Bench.Load;

internal enum Targets
{
    None,
    Health,
    Enhance200,
    InFlight1000,
}

/// <summary>Collects the rows and renders them as one Markdown table with a verdict per target of issue 7.</summary>
internal sealed class Report
{
    private const string Header =
        "| scenario | target | req/s | p50 ms | p99 ms | p99.9 ms | errors | peak RSS MiB | peak threads | app/baseline | verdict |";

    private readonly List<string> _rows = [];

    public bool AllMet { get; private set; } = true;

    public void Compare(string scenario, WrkResult app, ProcessSample appPeak, WrkResult baseline, ProcessSample baselinePeak, Targets targets, int delayMs)
    {
        var throughput = app.RequestsPerSecond / baseline.RequestsPerSecond;
        var upstreamBound = scenario.StartsWith("enhance", StringComparison.Ordinal) || scenario.StartsWith("preset", StringComparison.Ordinal)
            || scenario.StartsWith("repeat", StringComparison.Ordinal);
        string ratio;
        var verdicts = new List<string>();
        if (upstreamBound)
        {
            var appP99Overhead = app.P99Ms - delayMs;
            var baselineP99Overhead = baseline.P99Ms - delayMs;
            var p50Delta = app.P50Ms - baseline.P50Ms;
            ratio = F($"req/s {throughput:F2}x; p50 overhead {app.P50Ms - delayMs:+0.0;-0.0} vs {baseline.P50Ms - delayMs:+0.0;-0.0} ms; p99 overhead {appP99Overhead:+0.0;-0.0} vs {baselineP99Overhead:+0.0;-0.0} ms; {ServerLoad(app, baseline)}");
            if (targets == Targets.Enhance200)
            {
                var p99Allowed = Math.Max(1.5 * baselineP99Overhead, baselineP99Overhead + 5);
                verdicts.Add(Verdict(throughput >= 0.95, F($"req/s ≥ 95% of baseline ({throughput:P0})")));
                verdicts.Add(Verdict(p50Delta <= 1, F($"p50 overhead within 1 ms of baseline ({p50Delta:+0.0;-0.0} ms)")));
                verdicts.Add(Verdict(appP99Overhead <= p99Allowed, F($"p99 overhead ≤ {p99Allowed:F1} ms ({appP99Overhead:F1} ms)")));
                verdicts.Add(Verdict(appPeak.RssMib < 250, F($"RSS < 250 MiB ({appPeak.RssMib:F0})")));
            }
        }
        else
        {
            ratio = F($"req/s {throughput:F2}x; {ServerLoad(app, baseline)}");
            if (targets == Targets.Health)
            {
                verdicts.Add(Verdict(throughput >= 0.70, F($"req/s ≥ 70% of baseline ({throughput:P0})")));
            }
        }

        if (targets == Targets.InFlight1000)
        {
            verdicts.Add(Verdict(app.Errors == 0, F($"no errors ({app.Errors})")));
            verdicts.Add(Verdict(appPeak.RssMib < 400, F($"RSS < 400 MiB ({appPeak.RssMib:F0})")));
        }

        var target = targets switch
        {
            Targets.Health => "≥ 70% baseline req/s",
            Targets.Enhance200 => "≥ 95% req/s, p50 ±1 ms, p99 ≤ max(1.5x, +5 ms), RSS < 250 MiB",
            Targets.InFlight1000 => "0 errors, RSS < 400 MiB",
            _ => "—",
        };
        Row(scenario + " — app", target, app, appPeak, ratio, verdicts.Count == 0 ? "—" : string.Join("; ", verdicts));
        Row(scenario + " — baseline", string.Empty, baseline, baselinePeak, string.Empty, string.Empty);
    }

    public void Offline(WrkResult app, ProcessSample peak) =>
        Row("offline engine (LLM_MODE=offline), enhance, 200 conns — app", "— (micro-benchmarks: < 100 µs/op)", app, peak, "no upstream call", "—");

    public void Idle(double appMib, double baselineMib) =>
        Note("idle RSS 2 s after start", "< 120 MiB", F($"app {appMib:F0} MiB, baseline {baselineMib:F0} MiB"), Verdict(appMib < 120, F($"{appMib:F0} MiB")));

    public void Startup(string label, double medianSeconds, double firstStartSeconds)
    {
        var isApp = label == "app";
        Note(
            $"start to first healthy /api/health (SQLite default), restart — {label}",
            isApp ? "≤ 1.0 s (original 0.48 s)" : string.Empty,
            F($"median {medianSeconds:F2} s (first start, creating the database: {firstStartSeconds:F2} s)"),
            isApp ? Verdict(medianSeconds <= 1.0, F($"{medianSeconds:F2} s")) : "—");
    }

    public void Leak(IReadOnlyList<double> afterEachRun)
    {
        var growth = afterEachRun[^1] - afterEachRun[0];
        var allowed = Math.Max(5, afterEachRun[0] * 0.05);
        Note(
            "leak check: RSS after each of 3 consecutive runs (enhance, 200 conns)",
            "no growth",
            string.Join(" → ", afterEachRun.Select(v => v.ToString("F0", CultureInfo.InvariantCulture))) + " MiB",
            Verdict(growth <= allowed, F($"{growth:+0;-0} MiB, noise allowance {allowed:F0} MiB")));
    }

    public void Streaming(double upstreamMs, double appMs) =>
        Note(
            "streaming: time to first text (auto-generate, SSE) vs upstream's first token",
            "≤ upstream + 5 ms",
            F($"upstream {upstreamMs:F1} ms, app {appMs:F1} ms (median)"),
            Verdict(appMs - upstreamMs <= 5, F($"{appMs - upstreamMs:+0.0;-0.0} ms")));

    public string Render(LoadOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(F($"Medians of {options.Runs} run(s) of {options.Duration.TotalSeconds:F0} s; fake upstream delay {options.DelayMs} ms; wrk -t2; errors = non-2xx + socket errors summed over runs."));
        text.AppendLine();
        text.AppendLine(Header);
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(row);
        }

        return text.ToString();
    }

    private void Row(string scenario, string target, WrkResult result, ProcessSample peak, string ratio, string verdict) =>
        _rows.Add(F($"| {scenario} | {target} | {result.RequestsPerSecond:F0} | {result.P50Ms:F1} | {result.P99Ms:F1} | {result.P999Ms:F1} | {result.Errors} | {peak.RssMib:F0} | {peak.Threads} | {ratio} | {verdict} |"));

    private void Note(string scenario, string target, string value, string verdict) =>
        _rows.Add($"| {scenario} | {target} | | | | | | | | {value} | {verdict} |");

    /// <summary>Server CPU per request, how busy both cores were and the GC's pauses, app vs baseline.</summary>
    private static string ServerLoad(WrkResult app, WrkResult baseline) =>
        F($"server CPU {app.ServerCpuMicrosecondsPerRequest:F0} vs {baseline.ServerCpuMicrosecondsPerRequest:F0} µs/request; machine busy {app.MachineBusyPercent:F0}% vs {baseline.MachineBusyPercent:F0}%")
        + (app.Gc is { } appGc && baseline.Gc is { } baselineGc ? "; " + Pauses(appGc, baselineGc) : string.Empty);

    private static string Pauses(GcPauses app, GcPauses baseline) =>
        F($"GC pauses {app.Pauses} vs {baseline.Pauses} per run, mean {app.MeanPauseMs:F1} vs {baseline.MeanPauseMs:F1} ms, max {app.MaxPauseMs:F1} vs {baseline.MaxPauseMs:F1} ms, {app.PromotedMibPerCollection:F1} vs {baseline.PromotedMibPerCollection:F1} MiB copied per collection");

    private string Verdict(bool met, string detail)
    {
        AllMet &= met;
        return (met ? "met: " : "NOT met: ") + detail;
    }

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
