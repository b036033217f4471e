using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Logging;

/// <summary>Where the log files go and how lines are written (<c>LOG_DIR</c>, <c>LOG_FORMAT</c>).</summary>
public sealed class LoggingOptions
{
    public const string SectionName = "Logging";

    [NotBlank]
    public string Directory { get; set; } = "./logs";

    /// <summary><c>text</c> or <c>json</c> (one JSON object a line).</summary>
    [OneOf("text", "json")]
    public string Format { get; set; } = "text";

    public bool IsJson => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);
}
