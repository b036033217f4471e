namespace SoraPromptGenie.Core.Engines.Llm;

public sealed record LlmEngineOptions
{
    /// <summary>Total budget of one operation in seconds, every model attempt and retry included.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>First half of the engine label: <c>openrouter</c> gives <c>openrouter:&lt;model&gt;</c>.</summary>
    public string EngineLabelPrefix { get; init; } = "openrouter";

    public float? Temperature { get; init; } = 0.7f;

    public int? MaxOutputTokens { get; init; } = 1200;
}
