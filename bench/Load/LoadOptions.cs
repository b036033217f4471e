using System.Globalization;

namespace SoraPromptGenie.Bench.Load;

/// <summary>The harness's command line. Paths point at artifacts built by bench/run-load.sh.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: Load --app <SoraPromptGenie.dll> --baseline <Baseline.dll> --fake <SoraPromptGenie.FakeUpstream.dll>
                    [--app-r2r <SoraPromptGenie.dll published with ReadyToRun>] [--duration 10] [--runs 3]
                    [--leak-duration 60] [--delay-ms 100] [--chunk-interval-ms 20] [--quick]
        """;

    public required string App { get; init; }

    public required string Baseline { get; init; }

    public required string Fake { get; init; }

    public string? AppReadyToRun { get; init; }

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

        var options = new LoadOptions { App = app, Baseline = baseline, Fake = fake, AppReadyToRun = values.GetValueOrDefault("app-r2r") };
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
