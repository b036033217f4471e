using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Logging;

public sealed class LoggingOptions
{
    public const string SectionName = "Logging";

    public string Directory { get; set; } = "./logs";

    /// <summary><c>text</c> or <c>json</c> (one JSON object a line).</summary>
    public string Format { get; set; } = "text";

    public bool IsJson => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        var format = configuration[$"{SectionName}:Format"];
        if (format is not null && !format.Equals("text", StringComparison.OrdinalIgnoreCase) && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("LOG_FORMAT", $"'{format}' is not text or json.");
        }

        if (configuration[$"{SectionName}:Directory"] is { } directory && string.IsNullOrWhiteSpace(directory))
        {
            problems.Add("LOG_DIR", "must not be empty.");
        }
    }
}
