using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Usage;

/// <summary>Admin access to usage (and later metrics). Bound from <c>Admin:*</c> (<c>ADMIN_TOKEN</c>).</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Admin";
    public const int MinTokenLength = 16;

    [ConfigurationKeyName("Token")]
    [SecretLength(MinTokenLength)]
    public string? AdminToken { get; set; }
}
