using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Security;

/// <summary>Admin access to usage and metrics. Bound from <c>Admin:*</c> (<c>ADMIN_TOKEN</c>); unset turns admin access off.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";
    public const int MinTokenLength = 16;

    [SecretLength(MinTokenLength)]
    public string? Token { get; set; }
}
