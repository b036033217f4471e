namespace SoraPromptGenie.FakeUpstream;

public sealed record RecordedMessage(string Role, string Content);

/// <summary>One request as the fake received it. <see cref="Headers"/> is case-insensitive; repeated headers are comma-joined.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Model,
    IReadOnlyList<RecordedMessage> Messages,
    bool Stream,
    DateTimeOffset ReceivedAt);
