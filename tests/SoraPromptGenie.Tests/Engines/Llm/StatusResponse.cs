using System.ClientModel.Primitives;

namespace SoraPromptGenie.Tests.Engines.Llm;

/// <summary>A minimal response with a status (and headers), so tests throw the OpenAI SDK's real <c>ClientResultException</c>.</summary>
internal sealed class StatusResponse(int status, IReadOnlyDictionary<string, string>? headers = null) : PipelineResponse
{
    public override int Status => status;

    public override string ReasonPhrase => "test";

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => BinaryData.FromString("{}");

    protected override PipelineResponseHeaders HeadersCore { get; } = new DictionaryHeaders(headers ?? new Dictionary<string, string>());

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(Content);

    public override void Dispose()
    {
    }

    private sealed class DictionaryHeaders(IReadOnlyDictionary<string, string> values) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            var found = values.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            value = found.Value;
            return found.Key is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out var value) ? [value!] : null;
            return values is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();
    }
}
