using System.Globalization;

namespace SoraPromptGenie.Bench.Load;

/// <summary>The harness's command line. Paths point at artifacts built by bench/run-load.sh.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: Load --app <SoraPromptGenie.dll> --baseline <Baseline.dll> --fake <SoraPromptGenie.FakeUpstream.dll>
                    [--app-jit <SoraPromptGenie.dll published without ReadyToRun>] [--duration 10] [--runs 3]
                    [--leak-duration 60] [--delay-ms 100] [--chunk-interval-ms 20] [--quick]
                    [--scenarios startup,idle,health,enhance1,enhance50,enhance200,enhance1000,preset,cache,streaming,leak,offline]
                    [--app-env KEY=VALUE,KEY=VALUE]   (extra environment for the app, for A/B runs)
        """;

    public static readonly IReadOnlyList<string> AllScenarios =
        ["startup", "idle", "health", "enhance1", "enhance50", "enhance200", "enhance1000", "preset", "cache", "streaming", "leak", "offline"];

    public required string App { get; init; }

    public required string Baseline { get; init; }

    public required string Fake { get; init; }

    public string? AppJit { get; init; }

    public IReadOnlySet<string> Scenarios { get; init; } = AllScenarios.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> AppEnvironment { get; init; } = new Dictionary<string, string>();

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int Runs { get; init; } = 3;

    public TimeSpan LeakDuration { get; init; } = TimeSpan.FromSeconds(60);

    public int DelayMs { get; init; } = 100;

    public int ChunkIntervalMs { get; init; } = 20;

    public int StartupSamples { get; init; } = 5;

    public int StreamingSamples { get; init; } = 40;

    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                error = $"unexpected argument '{args[i]}'";
                return null;
            }
        }

        if (!values.TryGetValue("app", out var app) || !values.TryGetValue("baseline", out var baseline) || !values.TryGetValue("fake", out var fake))
        {
            error = "--app, --baseline and --fake are required";
            return null;
        }

        var options = new LoadOptions { App = app, Baseline = baseline, Fake = fake, AppJit = values.GetValueOrDefault("app-jit") };
        if (values.TryGetValue("scenarios", out var scenarios))
        {
            var chosen = scenarios.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (chosen.FirstOrDefault(name => !AllScenarios.Contains(name)) is { } unknown)
            {
                error = $"unknown scenario '{unknown}'";
                return null;
            }

            options = options with { Scenarios = chosen };
        }

        if (values.TryGetValue("app-env", out var appEnv))
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in appEnv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (pair.Split('=', 2) is not [{ Length: > 0 } key, var value])
                {
                    error = $"--app-env expects KEY=VALUE, got '{pair}'";
                    return null;
                }

                environment[key] = value;
            }

            options = options with { AppEnvironment = environment };
        }

        if (quick)
        {
            options = options with
            {
                Duration = TimeSpan.FromSeconds(3),
                Runs = 1,
                LeakDuration = TimeSpan.FromSeconds(3),
                StartupSamples = 3,
                StreamingSamples = 10,
            };
        }

        try
        {
            options = options with
            {
                Duration = values.TryGetValue("duration", out var d) ? Seconds(d) : options.Duration,
                Runs = values.TryGetValue("runs", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : options.Runs,
                LeakDuration = values.TryGetValue("leak-duration", out var l) ? Seconds(l) : options.LeakDuration,
                DelayMs = values.TryGetValue("delay-ms", out var delay) ? int.Parse(delay, CultureInfo.InvariantCulture) : options.DelayMs,
                ChunkIntervalMs = values.TryGetValue("chunk-interval-ms", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : options.ChunkIntervalMs,
            };
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }

        error = options.Runs < 1 ? "--runs must be at least 1" : null;
        return error is null ? options : null;
    }

    private static TimeSpan Seconds(string value) =>
        TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture));
}
