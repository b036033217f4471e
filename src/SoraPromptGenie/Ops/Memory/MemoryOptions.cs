using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Memory;

/// <summary>Bound from <c>Memory:*</c>.</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Memory";

    /// <summary>
    /// One full collection once the server listens (<see cref="StartupHeapRelease"/>). Off for a process that hosts many
    /// app instances, such as the test suite, where each collection would stop all of them.
    /// </summary>
    public bool ReleaseStartupGarbage { get; set; } = true;

    public static MemoryOptions Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<MemoryOptions>() ?? new MemoryOptions();

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        var key = $"{SectionName}:{nameof(ReleaseStartupGarbage)}";
        if (configuration[key] is { } value && !bool.TryParse(value, out _))
        {
            problems.Add(key, $"'{value}' is not true or false.");
        }
    }
}
