using System.Reflection;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>What build is running: the informational version carries the git commit that scripts/publish stamps in.</summary>
public static class BuildInfo
{
    public const string ServiceName = "sora-prompt-genie";

    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Sentry's release name: <c>sora-prompt-genie@1.0.0+3f2c1ab</c>.</summary>
    public static string Release => $"{ServiceName}@{Version}";
}
