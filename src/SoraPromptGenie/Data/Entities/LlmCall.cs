namespace SoraPromptGenie.Data.Entities;

/// <summary>One row of the usage ledger: an LLM call, or an offline-engine call marked as such.</summary>
public sealed class LlmCall
{
    public Guid Id { get; set; }

    public DateTime Timestamp { get; set; }

    public string Operation { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public string Engine { get; set; } = string.Empty;

    /// <summary><c>ok</c> or the error code of the failure.</summary>
    public string Outcome { get; set; } = string.Empty;

    public int? StatusCode { get; set; }

    public long LatencyMs { get; set; }

    public long? PromptTokens { get; set; }

    public long? CompletionTokens { get; set; }

    public decimal? Cost { get; set; }

    public bool Cached { get; set; }

    public bool Offline { get; set; }

    public string? RequestId { get; set; }
}
