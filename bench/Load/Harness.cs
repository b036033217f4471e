using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SoraPromptGenie.Bench.Load;

/// <summary>
/// Runs every scenario against the app and the bare baseline in the same session, alternating which goes first in each
/// run, and reports medians of the runs with app/baseline ratios and a verdict per target of issue 7.
/// </summary>
internal sealed class Harness(LoadOptions options, string scratch)
{
    private const string EnhanceBody =
        """{"currentPrompt":"A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.","enhancement":{"title":"Golden hour","description":"Warm low sun with long soft shadows across the scene.","category":"lighting"}}""";

    private const string PresetBody =
        """{"currentPrompt":"A lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.","enhancements":[{"title":"Low angle","description":"Camera near the floor looking up at the subject.","category":"camera-angles"},{"title":"Golden hour","description":"Warm low sun with long soft shadows.","category":"lighting"},{"title":"Melancholic","description":"Quiet, wistful tone with slow pacing.","category":"mood"},{"title":"Film noir","description":"High-contrast monochrome with hard shadows.","category":"style"}]}""";

    private static readonly LoadRequest Health = new("GET", "/api/health");
    private static readonly LoadRequest Enhance = new("POST", "/api/enhance-prompt", EnhanceBody, UniqueBodies: true);
    private static readonly LoadRequest Preset = new("POST", "/api/enhance-prompt", PresetBody, UniqueBodies: true);
    private static readonly LoadRequest Repeat = new("POST", "/api/enhance-prompt", EnhanceBody);

    private readonly Report _report = new();
    private Uri _upstream = null!;

    public bool AllMet => _report.AllMet;

    public async Task<string> RunAsync()
    {
        await using var fake = await FakeUpstream.StartAsync(options.Fake, FreePort(), options.DelayMs, options.ChunkIntervalMs);
        _upstream = fake.BaseUrl;
        Log($"fake upstream on {_upstream} (delay {options.DelayMs} ms, chunk interval {options.ChunkIntervalMs} ms)");

        if (Has("startup"))
        {
            await StartupAsync();
        }

        // Everything but start-up and the offline engine runs against one app and one baseline process.
        if (options.Scenarios.Except(["startup", "offline"]).Any())
        {
            await RunAgainstBaselineAsync();
        }

        if (Has("offline"))
        {
            await OfflineAsync();
        }

        return _report.Render(options);
    }

    private static TimeSpan Warmup => TimeSpan.FromSeconds(2);

    private bool Has(string scenario) => options.Scenarios.Contains(scenario);

    private async Task RunAgainstBaselineAsync()
    {
        await using var app = await StartAppAsync("app");
        await using var baseline = await StartBaselineAsync();
        if (Has("idle"))
        {
            var appIdle = await IdleAsync(app);
            var baselineIdle = await IdleAsync(baseline);
            _report.Idle(appIdle, baselineIdle);
        }

        // Tiered JIT and the thread pool's ramp-up would otherwise land in the first scenario's figures.
        Log("warming both servers up");
        foreach (var server in (ServerProcess[])[app, baseline])
        {
            await Wrk.RunAsync(server.BaseUrl, Health, 64, Warmup * 2, scratch);
            await Wrk.RunAsync(server.BaseUrl, Enhance, 200, Warmup * 3, scratch);
        }

        var comparisons = new (string Scenario, string Name, LoadRequest Request, int Connections, Targets Targets)[]
        {
            ("health", "GET /api/health", Health, 64, Targets.Health),
            ("enhance50", "enhance, 100 ms upstream", Enhance, 50, Targets.None),
            ("enhance200", "enhance, 100 ms upstream", Enhance, 200, Targets.Enhance200),
            ("enhance1000", "enhance, 100 ms upstream (1,000 in flight)", Enhance, 1000, Targets.InFlight1000),
            ("preset", "preset: 4 enhancements, one request", Preset, 200, Targets.None),
            ("cache", "repeat request (response cache hit)", Repeat, 200, Targets.None),

            // Last, when every path is past tiered compilation: the path's own latency, without queueing.
            ("enhance1", "enhance, 100 ms upstream, one request at a time", Enhance, 1, Targets.None),
        };
        foreach (var (scenario, name, request, connections, targets) in comparisons.Where(c => Has(c.Scenario)))
        {
            await CompareAsync(name, request, connections, app, baseline, targets);
        }

        if (Has("streaming"))
        {
            await StreamingAsync(app);
        }

        if (Has("leak"))
        {
            await LeakCheckAsync(app);
        }
    }

    private async Task OfflineAsync()
    {
        await using var offline = await StartAppAsync("app-offline", ("LLM_MODE", "offline"));
        await Wrk.RunAsync(offline.BaseUrl, Enhance, 200, Warmup, scratch);
        await WaitQuietAsync(offline);
        var runs = new List<WrkResult>();
        var peak = default(ProcessSample);
        for (var run = 0; run < options.Runs; run++)
        {
            var (result, sample) = await MeasureAsync(offline, Enhance, 200, options.Duration);
            runs.Add(result);
            peak = ProcessSample.Max(peak, sample);
        }

        _report.Offline(Median(runs), peak);
    }

    private async Task CompareAsync(string name, LoadRequest request, int connections, ServerProcess app, ServerProcess baseline, Targets targets)
    {
        Log($"{name} at {connections} connections");
        await Wrk.RunAsync(app.BaseUrl, request, connections, Warmup, scratch);
        await Wrk.RunAsync(baseline.BaseUrl, request, connections, Warmup, scratch);
        await WaitQuietAsync(app);
        await WaitQuietAsync(baseline);
        var appRuns = new List<WrkResult>();
        var baselineRuns = new List<WrkResult>();
        ProcessSample appPeak = default, baselinePeak = default;
        for (var run = 0; run < options.Runs; run++)
        {
            // Alternating the order spreads any drift of the shared machine over both targets.
            foreach (var isApp in run % 2 == 0 ? [true, false] : (bool[])[false, true])
            {
                var (result, peak) = await MeasureAsync(isApp ? app : baseline, request, connections, options.Duration);
                (isApp ? appRuns : baselineRuns).Add(result);
                if (isApp)
                {
                    appPeak = ProcessSample.Max(appPeak, peak);
                }
                else
                {
                    baselinePeak = ProcessSample.Max(baselinePeak, peak);
                }

                Log($"  {(isApp ? "app     " : "baseline")} {result.RequestsPerSecond,9:F0} req/s p50 {result.P50Ms:F1} p99 {result.P99Ms:F1} errors {result.Errors} rss {peak.RssMib:F0} MiB cpu {result.ServerCpuMicrosecondsPerRequest:F0} µs/req, machine busy {result.MachineBusyPercent:F0}%, GC {result.Gc?.Pauses} pauses {result.Gc?.TotalPauseMs:F0} ms (max {result.Gc?.MaxPauseMs:F1})");
            }
        }

        _report.Compare($"{name}, {connections} conns", Median(appRuns), appPeak, Median(baselineRuns), baselinePeak, targets, options.DelayMs);
    }

    /// <summary>
    /// Waits (up to 60 s) until the server has used under 5% of a core for 2 s in a row. After a warm-up the runtime
    /// keeps recompiling hot methods at the optimizing tier in the background, in bursts, for several seconds (the
    /// ".NET Tiered Compilation" thread: 1.6 s of CPU in the 4 s after the first warm-up), which would otherwise be
    /// counted against the next scenario.
    /// </summary>
    private static async Task WaitQuietAsync(ServerProcess server)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        var quietSince = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var before = CpuTime.Read(server.Id);
            await Task.Delay(250);
            if ((CpuTime.Read(server.Id) - before).ProcessMicroseconds > 0.05 * 250_000)
            {
                quietSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(quietSince) >= TimeSpan.FromSeconds(2))
            {
                return;
            }
        }

        Log($"  {server.BaseUrl} did not go quiet within 60 s");
    }

    private async Task<(WrkResult Result, ProcessSample Peak)> MeasureAsync(ServerProcess server, LoadRequest request, int connections, TimeSpan duration)
    {
        await using var sampler = new PeakSampler(server.Id);
        await using var gc = GcProbe.Start(server.Id);
        var before = CpuTime.Read(server.Id);
        var result = await Wrk.RunAsync(server.BaseUrl, request, connections, duration, scratch);
        var used = CpuTime.Read(server.Id) - before;
        result = result with
        {
            ServerCpuMicrosecondsPerRequest = used.ProcessMicroseconds / Math.Max(1, result.Requests),
            MachineBusyPercent = used.MachineBusyPercent,
            Gc = await gc.StopAsync(),
        };
        return (result, await sampler.StopAsync());
    }

    /// <summary>
    /// Each variant gets one working directory: the first start creates and migrates the SQLite database (reported on
    /// its own), the following starts are restarts of an installed server, which is what the target is about.
    /// </summary>
    private async Task StartupAsync()
    {
        Log($"start to first healthy /api/health, median of {options.StartupSamples} restarts");
        var targets = new List<(string Label, Func<string, ServerProcess> Start)>
        {
            ("app", directory => StartApp(options.App, directory)),
            ("baseline", directory => StartBaseline(directory)),
        };
        if (options.AppJit is { } jit)
        {
            targets.Insert(1, ("app, JIT only (no ReadyToRun)", directory => StartApp(jit, directory)));
        }

        foreach (var (label, start) in targets)
        {
            var directory = Path.Combine(scratch, $"startup-{Guid.NewGuid():N}");
            double first;
            await using (var server = start(directory))
            {
                first = (await server.WaitHealthyAsync(TimeSpan.FromSeconds(30))).TotalSeconds;
            }

            var samples = new List<double>();
            for (var i = 0; i < options.StartupSamples; i++)
            {
                await using var server = start(directory);
                samples.Add((await server.WaitHealthyAsync(TimeSpan.FromSeconds(30))).TotalSeconds);
            }

            Log($"  {label}: first start {first:F2} s; restarts {string.Join(", ", samples.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s");
            _report.Startup(label, Statistics.Median(samples), first);
        }
    }

    private async Task StreamingAsync(ServerProcess app)
    {
        Log($"streaming time to first text, {options.StreamingSamples} sequential requests each");
        using var probe = new StreamingProbe(new Uri(_upstream + "/chat/completions"), app.BaseUrl);
        var (upstream, served) = await probe.MeasureAsync(options.StreamingSamples);
        _report.Streaming(upstream, served);
    }

    private async Task LeakCheckAsync(ServerProcess app)
    {
        Log($"leak check: 3 x {options.LeakDuration.TotalSeconds:F0} s of enhance at 200 connections");
        var after = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await Wrk.RunAsync(app.BaseUrl, Enhance, 200, options.LeakDuration, scratch);
            await Task.Delay(TimeSpan.FromSeconds(2));
            after.Add(app.Sample().RssMib);
            Log($"  after run {run + 1}: {after[^1]:F0} MiB");
        }

        _report.Leak(after);
    }

    private static async Task<double> IdleAsync(ServerProcess server)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        return server.Sample().RssMib;
    }

    private async Task<ServerProcess> StartAppAsync(string label, params (string Key, string Value)[] extra)
    {
        var server = StartApp(options.App, Path.Combine(scratch, $"{label}-{Guid.NewGuid():N}"), extra);
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    private async Task<ServerProcess> StartBaselineAsync()
    {
        var server = StartBaseline(Path.Combine(scratch, $"baseline-{Guid.NewGuid():N}"));
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    private ServerProcess StartApp(string dll, string directory, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OPENROUTER_API_KEY"] = "bench",
            ["OPENROUTER_BASE_URL"] = _upstream.ToString().TrimEnd('/'),
            ["LLM_FALLBACK_TO_OFFLINE"] = "false",
            ["RATE_LIMIT_GENERAL"] = "100000000/60",
            ["RATE_LIMIT_AI"] = "100000000/60",
            ["LOG_DIR"] = Path.Combine(directory, "logs"),
        };
        foreach (var (key, value) in options.AppEnvironment.Select(e => (e.Key, e.Value)).Concat(extra))
        {
            environment[key] = value;
        }

        return ServerProcess.Start(dll, FreePort(), environment, directory);
    }

    private ServerProcess StartBaseline(string directory) => ServerProcess.Start(
        options.Baseline,
        FreePort(),
        new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["UPSTREAM_BASE_URL"] = _upstream.ToString(),
        },
        directory);

    private static WrkResult Median(List<WrkResult> runs) => new(
        Statistics.Median(runs.Select(r => r.RequestsPerSecond)),
        Statistics.Median(runs.Select(r => r.P50Ms)),
        Statistics.Median(runs.Select(r => r.P99Ms)),
        Statistics.Median(runs.Select(r => r.P999Ms)),
        runs.Sum(r => r.Non2xx),
        runs.Sum(r => r.SocketErrors),
        runs.Sum(r => r.Requests))
    {
        ServerCpuMicrosecondsPerRequest = Statistics.Median(runs.Select(r => r.ServerCpuMicrosecondsPerRequest)),
        MachineBusyPercent = Statistics.Median(runs.Select(r => r.MachineBusyPercent)),
        Gc = runs.All(r => r.Gc is not null) ? GcPauses.Median([.. runs.Select(r => r.Gc!)]) : null,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Log(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>The fake OpenAI-compatible upstream as a process; ready when it prints its address.</summary>
internal sealed class FakeUpstream : IAsyncDisposable
{
    private readonly Process _process;

    private FakeUpstream(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<FakeUpstream> StartAsync(string dll, int port, int delayMs, int chunkIntervalMs)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[dll, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--delay-ms", delayMs.ToString(CultureInfo.InvariantCulture),
            "--chunk-interval-ms", chunkIntervalMs.ToString(CultureInfo.InvariantCulture), "--no-record"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the fake upstream");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                return new FakeUpstream(process, new Uri(line["listening on ".Length..].Trim()));
            }
        }

        throw new InvalidOperationException("the fake upstream exited before listening");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
