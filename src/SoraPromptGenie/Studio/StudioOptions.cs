using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Studio;

/// <summary>
/// Bound from <c>Studio:*</c>: how much server memory the Blazor circuits of the studio may hold. Each open tab holds a
/// circuit of about 2 MB; a tab whose connection dropped keeps its circuit for a while so it can reconnect.
/// </summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>Open circuits one client address may hold; a tab over it is refused with a message.</summary>
    [WholeNumber(1, 1_000)]
    public int MaxCircuitsPerClient { get; set; } = 10;

    /// <summary>Disconnected circuits kept for reconnection; the oldest go first beyond it (framework default 100).</summary>
    [WholeNumber(0, 10_000)]
    public int DisconnectedCircuitMaxRetained { get; set; } = 50;

    /// <summary>How long a disconnected circuit waits for its tab to reconnect (framework default 180).</summary>
    [WholeNumber(1, 3_600)]
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 60;

    public TimeSpan DisconnectedCircuitRetentionPeriod => TimeSpan.FromSeconds(DisconnectedCircuitRetentionSeconds);
}
