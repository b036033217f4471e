using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>The parts of a chat-completions request body that decide the reply.</summary>
internal sealed record ChatRequest(string? Model, IReadOnlyList<RecordedMessage> Messages, bool Stream)
{
    public string LastUserContent => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty;

    public bool InstructionsMention(string text) =>
        Messages.Any(m => m.Role is "system" or "developer" && m.Content.Contains(text, StringComparison.OrdinalIgnoreCase));

    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out ChatRequest? request)
    {
        request = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            var messages = new List<RecordedMessage>();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in list.EnumerateArray())
                {
                    var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    var content = message.TryGetProperty("content", out var c) ? ReadContent(c) : string.Empty;
                    messages.Add(new RecordedMessage(role ?? string.Empty, content));
                }
            }

            request = new ChatRequest(model, messages, stream);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The SDK sends content either as a plain string or as an array of typed parts.
    private static string ReadContent(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString() ?? string.Empty;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    {
                        text.Append(t.GetString());
                    }
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }
}
