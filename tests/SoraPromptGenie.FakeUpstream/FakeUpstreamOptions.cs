namespace SoraPromptGenie.FakeUpstream;

public sealed record FakeUpstreamOptions
{
    /// <summary>The reply used when no scripted reply is queued.</summary>
    public FakeReply Default { get; init; } = FakeReply.Auto();

    /// <summary>Off in load runs: every recorded request is kept until <see cref="FakeUpstreamServer.Reset"/>.</summary>
    public bool RecordRequests { get; init; } = true;

    public string BasePath { get; init; } = "/api/v1";

    /// <summary>Ids listed by <c>GET {BasePath}/models</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["openai/gpt-4o-mini", "openai/gpt-4.1-mini", "anthropic/claude-3.5-haiku"];
}
