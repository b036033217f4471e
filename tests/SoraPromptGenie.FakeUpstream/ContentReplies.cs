namespace SoraPromptGenie.FakeUpstream;

internal readonly record struct TokenUsage(int PromptTokens, int CompletionTokens, decimal? Cost)
{
    // Roughly four characters per token, the rule of thumb for English text.
    public static TokenUsage Estimate(ChatRequest request, string content) =>
        new(Math.Max(1, request.Messages.Sum(m => m.Content.Length) / 4), Math.Max(1, content.Length / 4), null);
}

/// <summary>A reply that is a successful completion: JSON, or SSE chunks when the request streams.</summary>
internal abstract record ContentReply : FakeReply
{
    internal abstract (string Content, TokenUsage Usage) Compose(ChatRequest request);

    internal override async Task WriteAsync(ReplyContext context)
    {
        var (content, usage) = Compose(context.Request);
        if (!context.Request.Stream)
        {
            await context.WriteJsonAsync(200, json => ChatCompletionJson.WriteCompletion(json, context, content, FinishReason, usage));
            return;
        }

        using var stream = context.StartEventStream();
        await stream.WriteEventAsync(json => ChatCompletionJson.WriteChunk(json, context, "assistant", string.Empty, null));
        var parts = ContentChunks.Split(content, Chunks);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                await context.PauseAsync(ChunkInterval);
            }

            var part = parts[i];
            await stream.WriteEventAsync(json => ChatCompletionJson.WriteChunk(json, context, null, part, null));
        }

        await stream.WriteEventAsync(json => ChatCompletionJson.WriteChunk(json, context, null, null, FinishReason));
        await stream.WriteEventAsync(json => ChatCompletionJson.WriteUsageChunk(json, context, usage));
        await stream.WriteDoneAsync();
    }
}

internal sealed record FixedContentReply(string Content, TokenUsage Usage) : ContentReply
{
    internal override (string Content, TokenUsage Usage) Compose(ChatRequest request) => (Content, Usage);
}

internal sealed record EchoReply : ContentReply
{
    private const int EchoedCharacters = 200;

    internal override (string Content, TokenUsage Usage) Compose(ChatRequest request)
    {
        var content = EchoText(request);
        return (content, TokenUsage.Estimate(request, content));
    }

    internal static string EchoText(ChatRequest request)
    {
        var input = request.LastUserContent;
        return "A cinematic take: " + (input.Length > EchoedCharacters ? input[..EchoedCharacters] : input);
    }
}

internal sealed record AutoReply(int SuggestionCount) : ContentReply
{
    private const int QuotedCharacters = 80;

    internal override (string Content, TokenUsage Usage) Compose(ChatRequest request)
    {
        var content = request.InstructionsMention("JSON array") ? Suggestions(request.LastUserContent) : EchoReply.EchoText(request);
        return (content, TokenUsage.Estimate(request, content));
    }

    private string Suggestions(string input)
    {
        var words = input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var quoted = input.Length > QuotedCharacters ? input[..QuotedCharacters] : input;
        return ChatCompletionJson.Serialize(json =>
        {
            json.WriteStartArray();
            for (var i = 1; i <= SuggestionCount; i++)
            {
                json.WriteStartObject();
                json.WriteString("title", words.Length == 0 ? $"Option {i}" : $"Option {i}: {words[(i - 1) % words.Length]}");
                json.WriteString("description", $"Cinematic variation {i} on \"{quoted}\".");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }
}

/// <summary>Splits content into at most N pieces at word boundaries; the pieces concatenate back to the exact content.</summary>
internal static class ContentChunks
{
    public static IReadOnlyList<string> Split(string content, int chunks)
    {
        var wordStarts = new List<int>();
        for (var i = 0; i < content.Length; i++)
        {
            if (!char.IsWhiteSpace(content[i]) && (i == 0 || char.IsWhiteSpace(content[i - 1])))
            {
                wordStarts.Add(i);
            }
        }

        var count = Math.Min(chunks, wordStarts.Count);
        if (count <= 1)
        {
            return [content];
        }

        var parts = new string[count];
        for (var c = 0; c < count; c++)
        {
            var start = c == 0 ? 0 : wordStarts[c * wordStarts.Count / count];
            var end = c == count - 1 ? content.Length : wordStarts[(c + 1) * wordStarts.Count / count];
            parts[c] = content[start..end];
        }

        return parts;
    }
}
