using System.ClientModel.Primitives;

namespace SoraPromptGenie.Tests.Engines.Llm;

/// <summary>A minimal response with a status, so tests throw the OpenAI SDK's real <c>ClientResultException</c>.</summary>
internal sealed class StatusResponse(int status) : PipelineResponse
{
    public override int Status => status;

    public override string ReasonPhrase => "test";

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => BinaryData.FromString("{}");

    protected override PipelineResponseHeaders HeadersCore { get; } = new EmptyHeaders();

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(Content);

    public override void Dispose()
    {
    }

    private sealed class EmptyHeaders : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            value = null;
            return false;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();
    }
}
