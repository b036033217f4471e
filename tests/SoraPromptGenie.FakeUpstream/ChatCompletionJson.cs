using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>Writes the OpenAI chat-completions wire shapes as OpenRouter serves them.</summary>
internal static class ChatCompletionJson
{
    // Escapes quotes as \" rather than \u0022, as OpenAI does; the bodies are never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteCompletion(Utf8JsonWriter json, ReplyContext context, string content, string finishReason, TokenUsage usage)
    {
        WriteHeader(json, context, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", content);
        json.WriteEndObject();
        json.WriteString("finish_reason", finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, usage);
        json.WriteEndObject();
    }

    public static void WriteEmptyCompletion(Utf8JsonWriter json, ReplyContext context, TokenUsage usage)
    {
        WriteHeader(json, context, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteEndArray();
        WriteUsage(json, usage);
        json.WriteEndObject();
    }

    public static void WriteChunk(Utf8JsonWriter json, ReplyContext context, string? role, string? content, string? finishReason)
    {
        WriteHeader(json, context, "chat.completion.chunk");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        if (role is not null)
        {
            json.WriteString("role", role);
        }

        if (content is not null)
        {
            json.WriteString("content", content);
        }

        json.WriteEndObject();
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteUsageChunk(Utf8JsonWriter json, ReplyContext context, TokenUsage usage)
    {
        WriteHeader(json, context, "chat.completion.chunk");
        json.WriteStartArray("choices");
        json.WriteEndArray();
        WriteUsage(json, usage);
        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, string message, int code)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteNumber("code", code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteModels(Utf8JsonWriter json, IReadOnlyList<string> models, long created)
    {
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        foreach (var model in models)
        {
            json.WriteStartObject();
            json.WriteString("id", model);
            json.WriteString("object", "model");
            json.WriteNumber("created", created);
            json.WriteString("owned_by", model.Split('/')[0]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteHeader(Utf8JsonWriter json, ReplyContext context, string type)
    {
        json.WriteStartObject();
        json.WriteString("id", context.ResponseId);
        json.WriteString("object", type);
        json.WriteNumber("created", context.Created);
        json.WriteString("model", context.Model);
    }

    private static void WriteUsage(Utf8JsonWriter json, TokenUsage usage)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", usage.PromptTokens);
        json.WriteNumber("completion_tokens", usage.CompletionTokens);
        json.WriteNumber("total_tokens", usage.PromptTokens + usage.CompletionTokens);
        if (usage.Cost is { } cost)
        {
            json.WriteNumber("cost", cost);
        }

        json.WriteEndObject();
    }
}
