namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Startup configuration problems, one human line each, naming the variable and never echoing a secret.
/// Thrown as the container is built (<see cref="StartupCheck"/>), so a bad deployment exits non-zero instead of
/// serving half-configured.
/// </summary>
public sealed class ConfigurationProblemsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
