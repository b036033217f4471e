using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Hosting;

/// <summary><c>PORT</c>, read at the root of the configuration like the host's own settings.</summary>
public sealed class ListeningOptions
{
    /// <summary>Bound from the root of the configuration, where the host's own settings live.</summary>
    public const string Root = "";

    [ConfigurationKeyName("PORT")]
    [WholeNumber(1, 65535, Noun = "a port number")]
    public int Port { get; set; } = 5000;
}
