using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Studio;

/// <summary>
/// Bound from <c>Studio:*</c>: how much server memory the Blazor circuits of the studio may hold. Each open tab holds a
/// circuit of about 2 MB; a tab whose connection dropped keeps its circuit for a while so it can reconnect.
/// </summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    private static readonly (string Name, int Min, int Max)[] Ranges =
    [
        (nameof(MaxCircuitsPerClient), 1, 1_000),
        (nameof(DisconnectedCircuitMaxRetained), 0, 10_000),
        (nameof(DisconnectedCircuitRetentionSeconds), 1, 3_600),
    ];

    /// <summary>Open circuits one client address may hold; a tab over it is refused with a message.</summary>
    public int MaxCircuitsPerClient { get; set; } = 10;

    /// <summary>Disconnected circuits kept for reconnection; the oldest go first beyond it (framework default 100).</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 50;

    /// <summary>How long a disconnected circuit waits for its tab to reconnect (framework default 180).</summary>
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 60;

    public TimeSpan DisconnectedCircuitRetentionPeriod => TimeSpan.FromSeconds(DisconnectedCircuitRetentionSeconds);

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (name, min, max) in Ranges)
        {
            var key = $"{SectionName}:{name}";
            if (configuration[key] is { } raw
                && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max))
            {
                problems.Add(key, $"'{raw}' is not a whole number from {min} to {max}.");
            }
        }
    }
}
