using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Usage;

/// <summary>Admin access to usage (and later metrics). Bound from <c>Admin:*</c> (<c>ADMIN_TOKEN</c>).</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Admin";
    public const int MinTokenLength = 16;

    [ConfigurationKeyName("Token")]
    public string? AdminToken { get; set; }

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        if (configuration[$"{SectionName}:Token"] is { Length: > 0 } token && token.Trim().Length < MinTokenLength)
        {
            problems.Add("ADMIN_TOKEN", $"must be at least {MinTokenLength} characters long when set.");
        }
    }
}
