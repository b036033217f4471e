namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Startup configuration problems, one human line each, naming the variable and never echoing a secret.
/// Thrown before the host is built so a bad deployment exits non-zero instead of serving half-configured.
/// </summary>
public sealed class ConfigurationProblemsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Collects problems from each area's options check.</summary>
public sealed class ConfigurationProblems
{
    private readonly List<string> _problems = [];

    public void Add(string variable, string message) => _problems.Add($"{variable}: {message}");

    /// <summary>Adds a line already worded "VARIABLE: message", as the options validators word their failures.</summary>
    public void AddLine(string line) => _problems.Add(line);

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ConfigurationProblemsException(_problems);
        }
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
